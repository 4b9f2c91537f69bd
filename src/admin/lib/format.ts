/** Amounts shown in their currency (display only: the API keeps exact decimals). */
export function formatMoney(
  amount: number | string | null | undefined,
  currency: string | null | undefined
): string {
  if (amount === null || amount === undefined || amount === "") {
    return "–"
  }
  const code = (currency ?? "usd").toUpperCase()
  try {
    return new Intl.NumberFormat(undefined, { style: "currency", currency: code }).format(Number(amount))
  } catch {
    return `${amount} ${code}`
  }
}

export const todayIso = () => new Date().toISOString().slice(0, 10)

/** A fresh key per user action: retries of the same action reuse it. */
export const newIdempotencyKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random()}`

export function saveBlob(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The API's own message (never "Error 422"). */
export function errorMessage(error: unknown): string {
  if (
    error &&
    typeof error === "object" &&
    "message" in error &&
    typeof (error as any).message === "string"
  ) {
    return (error as any).message
  }
  return "Something went wrong"
}
