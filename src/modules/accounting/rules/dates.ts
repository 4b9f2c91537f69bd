import { MedusaError } from "@medusajs/framework/utils"

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Accounting dates are calendar days, kept as YYYY-MM-DD (UTC). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string") {
    return false
  }
  const m = ISO_DATE.exec(value)
  if (!m) {
    return false
  }
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
  return (
    d.getUTCFullYear() === +m[1] &&
    d.getUTCMonth() === +m[2] - 1 &&
    d.getUTCDate() === +m[3] &&
    +m[1] >= 1900 &&
    +m[1] <= 2999
  )
}

export function toIsoDate(value: Date | string): string {
  if (typeof value === "string") {
    if (isIsoDate(value)) {
      return value
    }
    value = new Date(value)
  }
  if (Number.isNaN(value.getTime())) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Not a date: ${value}`)
  }
  return value.toISOString().slice(0, 10)
}

export function today(): string {
  return toIsoDate(new Date())
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return toIsoDate(d)
}

/** The latest of ISO dates (YYYY-MM-DD sorts as text). */
export function latestDate(...dates: (string | null | undefined)[]): string {
  return dates.filter((d): d is string => !!d).sort().pop()!
}
