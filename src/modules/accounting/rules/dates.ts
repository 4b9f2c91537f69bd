import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Accounting dates are calendar days, kept as YYYY-MM-DD (the store's accounting day). */
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

/**
 * Now: the wall clock, or ACCOUNTING_NOW (an ISO instant) when a test or a
 * demo injects one, so that nothing depends on the day it runs.
 */
export function now(): Date {
  return process.env.ACCOUNTING_NOW ? new Date(process.env.ACCOUNTING_NOW) : new Date()
}

// Building a formatter costs more than formatting: one per time zone.
const dayFormats = new Map<string, Intl.DateTimeFormat>()
function dayFormat(timeZone: string) {
  let format = dayFormats.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    dayFormats.set(timeZone, format)
  }
  return format
}

/** The calendar day of an instant in a time zone: an order placed 19:30 in New York on 31 January is January's. */
export function accountingDay(instant: Date | string | number, timeZone = "UTC"): string {
  const parts = dayFormat(timeZone).formatToParts(new Date(instant))
  const part = (type: string) => parts.find((p) => p.type === type)!.value
  return `${part("year")}-${part("month")}-${part("day")}`
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone })
    return true
  } catch {
    return false
  }
}

/** Today in the store's accounting time zone. */
export function today(timeZone = "UTC"): string {
  return accountingDay(now(), timeZone)
}

/**
 * No document, application, void or reversal is dated after today (the
 * store's accounting day) unless the store allows it: a void dated months
 * ahead would make its credits refundable today (DATE_IN_FUTURE).
 */
export function assertNotInFuture(date: string, clock: { today: string; allow_future_dates: boolean; timezone: string }) {
  if (!clock.allow_future_dates && date > clock.today) {
    throw new AccountingError(
      "DATE_IN_FUTURE",
      `${date} is after today (${clock.today}, ${clock.timezone}); date it today or earlier, or allow future dates in the settings`
    )
  }
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
