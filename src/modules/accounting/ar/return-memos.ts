import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { recordAudit } from "../ledger/audit"
import { nextDocumentNumber } from "../ledger/sequences"
import { Decimal, moneyColumns } from "../rules/money"
import type { Components, OrderSnapshot } from "../rules/order-recognition"

/** The received return a negative order change documents, if none has a memo yet. */
export async function undocumentedReturn(knex: Knex, order: OrderSnapshot): Promise<string | null> {
  const received = order.returns_received ?? []
  if (!received.length) {
    return null
  }
  const documented = await knex("accounting_credit_memo")
    .select("return_id")
    .whereIn(
      "return_id",
      received.map((r) => r.return_id)
    )
  const done = new Set(documented.map((m: any) => m.return_id))
  const open = received.filter((r) => !done.has(r.return_id))
  return open.length ? open[open.length - 1].return_id : null
}

/**
 * Documents the credit of a received return (the order change's negative
 * delta, already posted by order recognition) as an issued credit memo:
 * number from the CM- sequence, lines for the returned goods, shipping and
 * tax. Returns the memo id and number; the caller books the AR document.
 */
export async function createReturnMemo(
  knex: Knex,
  input: {
    order: OrderSnapshot
    return_id: string
    date: string
    delta: Components
    journal_entry_id: string
    origin: string
  }
): Promise<{ id: string; number: string }> {
  const { order, delta } = input
  const total = delta.receivable.negated()
  const tax = Decimal.max(delta.tax.negated(), 0)
  const shipping = Decimal.max(delta.shipping.negated(), 0)
  let goods = total.minus(tax).minus(shipping)
  const lines = [
    { kind: "item", description: `Returned items (return ${input.return_id})`, amount: goods, tax },
    { kind: "shipping", description: "Shipping", amount: shipping, tax: new Decimal(0) },
  ]
  if (goods.lte(0)) {
    // An unusual mix (e.g. shipping credited beyond the goods): one line of the whole.
    goods = total.minus(tax)
    lines.splice(0, 2, { kind: "adjustment", description: `Return ${input.return_id}`, amount: goods, tax })
  }
  const id = generateEntityId(undefined, "cmemo")
  const number = await nextDocumentNumber(knex, "credit_memo")
  await knex("accounting_credit_memo").insert({
    id,
    number,
    // Lines go in while it is a draft (the database seals an issued memo's lines).
    status: "draft",
    customer_id: order.customer_id,
    order_id: order.id,
    return_id: input.return_id,
    currency_code: order.currency_code.toLowerCase(),
    memo_date: input.date,
    reason: `Return ${input.return_id} received`,
    ...moneyColumns("subtotal", total.minus(tax)),
    ...moneyColumns("tax_total", tax),
    ...moneyColumns("total", total),
    journal_entry_id: input.journal_entry_id,
    issued_at: knex.fn.now(),
    origin: "return",
  })
  await knex("accounting_credit_memo_line").insert(
    lines
      .filter((l) => l.amount.gt(0))
      .map((l) => ({
        id: generateEntityId(undefined, "cmline"),
        credit_memo_id: id,
        kind: l.kind,
        description: l.description,
        ...moneyColumns("amount", l.amount),
        ...moneyColumns("tax_amount", l.tax),
      }))
  )
  await knex("accounting_credit_memo").where({ id }).update({ status: "issued", updated_at: knex.fn.now() })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "issue",
    to_status: "issued",
    data: { number, return_id: input.return_id, journal_entry_id: input.journal_entry_id },
    origin: input.origin,
  })
  return { id, number }
}
