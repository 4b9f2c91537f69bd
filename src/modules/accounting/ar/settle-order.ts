import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { availableCredit } from "../rules/available-credit"
import { latestDate } from "../rules/dates"
import { planDisplacement, planNetting, SettleDoc } from "../rules/settlement"
import { reservations } from "./available-credits"
import { applyDocuments, ArDocRow, lockDocuments, openOf, standingApplications, unapply } from "./documents"

const toSettleDoc = (d: ArDocRow): SettleDoc => ({
  id: d.id,
  doc_type: d.doc_type,
  sign: d.sign,
  open: openOf(d),
  document_date: d.document_date,
})

/**
 * Settles an order's documents after `added` joined them, on `date`:
 * displacement for a negative adjustment, then netting of what is open.
 */
export async function settleOrder(knex: Knex, orderId: string, added: ArDocRow, date: string): Promise<void> {
  const docs = await lockDocuments(knex, (q) => q.where({ order_id: orderId }).whereNull("void_date"))
  const byId = new Map(docs.map((d) => [d.id, d]))
  const current = byId.get(added.id)

  if (current && current.doc_type === "order_adjustment" && current.sign === -1) {
    const standing = await standingApplications(
      knex,
      docs.map((d) => d.id)
    )
    const plan = planDisplacement(toSettleDoc(current), docs.map(toSettleDoc), standing)
    for (const step of plan) {
      const application = standing.find((a) => a.id === step.application_id)!
      await unapply(knex, { application, docs: byId, date, release: step.release })
    }
  }

  // What refunds being posted reserve is not the order's to net.
  const reserved = await reservations(knex, { ar_document_ids: docs.map((d) => d.id) })
  const available = docs.map((d) =>
    d.sign === -1 ? { ...toSettleDoc(d), open: availableCredit(openOf(d), reserved.get(d.id)) } : toSettleDoc(d)
  )
  for (const pair of planNetting(available)) {
    const credit = byId.get(pair.credit_id)!
    const debit = byId.get(pair.debit_id)!
    await applyDocuments(knex, {
      credit,
      debit,
      amount: pair.amount,
      // Never before either document, also when sync runs late or out of order.
      date: latestDate(date, credit.document_date, debit.document_date),
      kind: "auto",
    })
  }
}
