/**
 * Dates, labels and references as Medusa's own screens show them: locale
 * dates, "Store credit" rather than `store_credit`, customers by name and
 * orders by number.
 */

/** A calendar day (YYYY-MM-DD) in the browser's locale, e.g. "May 1, 2026". */
export function formatDate(day: string | null | undefined): string {
  if (!day) {
    return "–"
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day)
  const date = match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : new Date(day)
  if (Number.isNaN(date.getTime())) {
    return day
  }
  return date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" })
}

/** A moment (ISO timestamp) in the browser's locale and time zone. */
export function formatDateTime(at: string | null | undefined): string {
  if (!at) {
    return "–"
  }
  const date = new Date(at)
  return Number.isNaN(date.getTime())
    ? at
    : date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })
}

/** Today as the API's YYYY-MM-DD, in the browser's time zone. */
export function todayIso(): string {
  const d = new Date()
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/** "store_credit" → "Store credit": for enum values without a label of their own. */
export const humanize = (value: string) => {
  const text = value.replace(/_/g, " ").trim()
  return text.charAt(0).toUpperCase() + text.slice(1)
}

const labelled = (labels: Record<string, string>) => (value: string | null | undefined) =>
  value ? (labels[value] ?? humanize(value)) : "–"

export const statusLabel = labelled({
  draft: "Draft",
  posting: "Posting…",
  money_moved: "Paid, booking pending",
  posted: "Posted",
  issued: "Issued",
  voided: "Voided",
  reversed: "Reversed",
  applied: "Applied",
  refunded: "Refunded",
  open: "Open",
  closed: "Closed",
  pending: "Pending",
  resolved: "Resolved",
})

export const methodLabel = labelled({
  check: "Check",
  eft: "EFT / wire",
  cash: "Cash",
  card: "Card",
  store_credit: "Store credit",
  record_transfer: "Recorded transfer",
})

export const creditSourceLabel = labelled({
  credit_memo: "Credit memo",
  overpayment: "Overpayment",
  negative_invoice: "Negative adjustment",
  store_credit: "Store credit",
})

export const SOURCE_TYPES: Record<string, string> = {
  order: "Order",
  capture: "Payment",
  refund: "Payment refund",
  credit_memo: "Credit memo",
  customer_refund: "Customer refund",
  customer_deposit: "Customer deposit",
  customer_deposit_application: "Deposit applied",
  customer_deposit_refund: "Deposit refund",
  journal_entry: "Manual",
}

export const sourceTypeLabel = (value: string | null | undefined) =>
  value ? labelled(SOURCE_TYPES)(value) : "Manual"

export const docTypeLabel = labelled({
  order: "Order",
  order_adjustment: "Order adjustment",
  payment: "Payment",
  payment_refund: "Payment refund",
  credit_memo: "Credit memo",
  customer_refund: "Customer refund",
  received_payment: "Payment received",
  write_off: "Write-off",
  deposit_application: "Deposit applied",
})

/** "#11", or the id when the order has no display number. */
export const orderLabel = (order: { id: string; display_id: number | null } | null | undefined) =>
  order ? (order.display_id ? `#${order.display_id}` : order.id) : "–"

export const customerLabel = (customer: { name: string; email?: string | null } | null | undefined) =>
  customer?.name ?? "–"

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
