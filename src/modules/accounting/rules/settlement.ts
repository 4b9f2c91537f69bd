import { Decimal } from "./money"

/** An AR document as settlement sees it: open amount and which side it is on. */
export type SettleDoc = {
  id: string
  doc_type: string
  sign: 1 | -1
  open: Decimal
  document_date: string
}

export type StandingApplication = {
  id: string
  credit_document_id: string
  debit_document_id: string
  amount: Decimal
  kind: "auto" | "manual" | "refund"
}

const RECEIVABLE_TYPES = new Set(["order", "order_adjustment"])
const byDate = (a: SettleDoc, b: SettleDoc) =>
  a.document_date.localeCompare(b.document_date) || a.id.localeCompare(b.id)

/**
 * A negative order adjustment (return, edit, allowance) reduces the sale, so
 * it settles the order's receivable before money does: when the receivable
 * is already paid, payment applications are pulled back (latest first) to
 * make room, and the money they free shows as an overpayment, as Medusa's
 * negative pending difference does. Only automatic payment applications
 * move; what an admin applied or a refund consumed stays.
 */
export function planDisplacement(
  adjustment: SettleDoc,
  docs: SettleDoc[],
  standing: (StandingApplication & { created_order: number })[]
): { application_id: string; release: Decimal }[] {
  const openReceivable = docs
    .filter((d) => d.sign === 1 && RECEIVABLE_TYPES.has(d.doc_type))
    .reduce((acc, d) => acc.plus(d.open), new Decimal(0))
  let needed = adjustment.open.minus(openReceivable)
  if (!needed.gt(0)) {
    return []
  }
  const docById = new Map(docs.map((d) => [d.id, d]))
  const candidates = standing
    .filter(
      (a) =>
        a.kind === "auto" &&
        docById.get(a.credit_document_id)?.doc_type === "payment" &&
        RECEIVABLE_TYPES.has(docById.get(a.debit_document_id)?.doc_type ?? "")
    )
    .sort((a, b) => b.created_order - a.created_order)
  const plan: { application_id: string; release: Decimal }[] = []
  for (const app of candidates) {
    if (!needed.gt(0)) {
      break
    }
    const release = Decimal.min(app.amount, needed)
    plan.push({ application_id: app.id, release })
    needed = needed.minus(release)
  }
  return plan
}

/**
 * Pairs the order's open credits with its open debits, oldest first:
 * adjustments before payments on the credit side, the receivable before
 * refunds paid out on the debit side.
 */
export function planNetting(docs: SettleDoc[]): { credit_id: string; debit_id: string; amount: Decimal }[] {
  const open = new Map(docs.map((d) => [d.id, d.open]))
  const credits = docs
    .filter((d) => d.sign === -1 && d.open.gt(0))
    .sort((a, b) => (a.doc_type === b.doc_type ? byDate(a, b) : a.doc_type === "order_adjustment" ? -1 : 1))
  const debits = docs
    .filter((d) => d.sign === 1 && d.open.gt(0))
    .sort((a, b) =>
      RECEIVABLE_TYPES.has(a.doc_type) === RECEIVABLE_TYPES.has(b.doc_type)
        ? byDate(a, b)
        : RECEIVABLE_TYPES.has(a.doc_type)
          ? -1
          : 1
    )
  const plan: { credit_id: string; debit_id: string; amount: Decimal }[] = []
  for (const debit of debits) {
    for (const credit of credits) {
      const d = open.get(debit.id)!
      const c = open.get(credit.id)!
      if (!d.gt(0)) {
        break
      }
      if (!c.gt(0)) {
        continue
      }
      const amount = Decimal.min(d, c)
      plan.push({ credit_id: credit.id, debit_id: debit.id, amount })
      open.set(debit.id, d.minus(amount))
      open.set(credit.id, c.minus(amount))
    }
  }
  return plan
}
