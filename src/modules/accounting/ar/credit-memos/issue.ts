import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { advisoryLock } from "../../db"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { checkReasonCode } from "../../ledger/reason-codes"
import { assertPeriodOpen } from "../../ledger/periods"
import { postEntry } from "../../ledger/posting"
import { nextDocumentNumber } from "../../ledger/sequences"
import { loadAccountMap, loadPostingSettings, roleAccount } from "../../ledger/settings"
import { addDays } from "../../rules/dates"
import { Decimal, readMoney, sumMoney, toDecimal } from "../../rules/money"
import { amountOf, ArDocRow, insertArDocument } from "../documents"
import { assertApproved } from "../approvals"
import { lockMemo } from "./lock"

/**
 * Issues a draft on its memo date: number from the CM- sequence, entry
 * Dr Sales Returns & Allowances / Shipping Income / Tax Payable, Cr AR, and
 * the AR credit document that applications and refunds draw on.
 */
export async function issueCreditMemo(knex: Knex, id: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError(
      memo.status === "voided" ? "ALREADY_VOIDED" : "ALREADY_ISSUED",
      `Credit memo ${memo.number ?? id} is already ${memo.status}`
    )
  }
  await assertApproved(knex, "credit_memo", memo)
  // The list may have changed since the draft was saved (a code deactivated, a reason now required).
  await checkReasonCode(knex, "credit_memo", memo.reason_code)
  await assertPeriodOpen(knex, memo.memo_date)
  await assertDateAllowed(knex, memo.memo_date)
  if (memo.order_id) {
    await assertWithinOrderCredit(knex, memo)
  }
  const lines = await knex("accounting_credit_memo_line")
    .where({ credit_memo_id: id })
    .whereNull("deleted_at")
  const map = await loadAccountMap(knex)
  const settings = await loadPostingSettings(knex)
  const number = await nextDocumentNumber(knex, "credit_memo")
  const ref = { customer_id: memo.customer_id, order_id: memo.order_id }
  const byKind = (kinds: string[]) =>
    sumMoney(lines.filter((l: any) => kinds.includes(l.kind)).map((l: any) => readMoney(l, "amount")))
  const returns = byKind(["item", "adjustment"])
  const shipping = byKind(["shipping"])
  const tax = sumMoney(lines.map((l: any) => readMoney(l, "tax_amount")))
  const total = readMoney(memo, "total")
  const { entry } = await postEntry(knex, {
    entry_date: memo.memo_date,
    currency_code: memo.currency_code,
    memo: `Credit memo ${number}: ${memo.reason}`,
    source_type: "credit_memo",
    source_id: id,
    source_kind: "issued",
    origin: actor.origin,
    actor_id: actor.actor_id,
    lines: [
      {
        account_id: roleAccount(map, "sales_returns"),
        debit: returns,
        credit: 0,
        description: "Returns & allowances",
        ...ref,
      },
      {
        account_id: roleAccount(map, "shipping"),
        debit: shipping,
        credit: 0,
        description: "Shipping",
        ...ref,
      },
      { account_id: roleAccount(map, "tax"), debit: tax, credit: 0, description: "Tax", ...ref },
      { account_id: roleAccount(map, "ar"), debit: 0, credit: total, description: "Receivable", ...ref },
    ].filter((l) => !toDecimal(l.debit).isZero() || !toDecimal(l.credit).isZero()),
  })
  await insertArDocument(knex, {
    doc_type: "credit_memo",
    sign: -1,
    number,
    customer_id: memo.customer_id,
    currency_code: memo.currency_code,
    document_date: memo.memo_date,
    due_date: addDays(memo.memo_date, settings.payment_terms.default_days),
    amount: total,
    source_id: id,
    journal_entry_id: entry.id,
  })
  await knex("accounting_credit_memo")
    .where({ id })
    .update({
      status: "issued",
      number,
      journal_entry_id: entry.id,
      issued_by: actor.actor_id ?? null,
      issued_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "issue",
    from_status: "draft",
    to_status: "issued",
    data: { number, journal_entry_id: entry.id },
    ...actor,
  })
}

/**
 * A memo linked to an order never credits more than what of that order is
 * not yet credited: what order recognition booked as owed, less its credits
 * (returns, negative changes, return memos) and the other issued memos of
 * the order (MEMO_EXCEEDS_ORDER). The order is locked while this is read.
 */
async function assertWithinOrderCredit(knex: Knex, memo: any) {
  await advisoryLock(knex, `ar:order:${memo.order_id}`)
  const docs: ArDocRow[] = await knex("accounting_ar_document")
    .where({ order_id: memo.order_id })
    .whereIn("doc_type", ["order", "order_adjustment", "credit_memo"])
    .whereNull("void_date")
    .whereNull("deleted_at")
  const others = await knex("accounting_credit_memo")
    .where({ order_id: memo.order_id, status: "issued" })
    .whereNot("origin", "return")
    .whereNot("id", memo.id)
    .whereNull("deleted_at")
  const recognised = sumMoney(docs.map((d) => amountOf(d).times(d.sign)))
  const credited = sumMoney(others.map((m: any) => readMoney(m, "total")))
  const remaining = Decimal.max(recognised.minus(credited), 0)
  const total = readMoney(memo, "total")
  if (total.gt(remaining)) {
    const number = docs.find((d) => d.doc_type === "order")?.number ?? memo.order_id
    throw new AccountingError(
      "MEMO_EXCEEDS_ORDER",
      `Order ${number} has ${remaining.toString()} not yet credited (returns and other memos counted); this memo credits ${total.toString()}`
    )
  }
}
