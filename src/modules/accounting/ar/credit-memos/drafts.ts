import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../../errors"
import { Actor, recordAudit } from "../../ledger/audit"
import { assertDateAllowed } from "../../ledger/clock"
import { checkReasonCode } from "../../ledger/reason-codes"
import { assertAtPrecision, moneyColumns, readMoney, sumMoney, toDecimal } from "../../rules/money"
import { draftApproval } from "../approvals"
import { lockMemo } from "./lock"
import { CreditMemoInput, CreditMemoLineInput, CreditMemoUpdate } from "./types"

function totalsOf(lines: CreditMemoLineInput[], currency: string) {
  lines.forEach((l, i) => {
    const amount = assertAtPrecision(l.amount, currency, `lines[${i}].amount`)
    const tax = assertAtPrecision(l.tax_amount ?? 0, currency, `lines[${i}].tax_amount`)
    if (!amount.gt(0) || tax.lt(0)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `lines[${i}]: the amount must be positive and the tax not negative`
      )
    }
  })
  const subtotal = sumMoney(lines.map((l) => l.amount))
  const tax = sumMoney(lines.map((l) => l.tax_amount ?? 0))
  return { subtotal, tax, total: subtotal.plus(tax) }
}

async function insertLines(knex: Knex, memoId: string, lines: CreditMemoLineInput[]) {
  await knex("accounting_credit_memo_line").insert(
    lines.map((l) => ({
      id: generateEntityId(undefined, "cmline"),
      credit_memo_id: memoId,
      kind: l.kind,
      description: l.description,
      line_item_id: l.line_item_id ?? null,
      ...moneyColumns("amount", toDecimal(l.amount)),
      ...moneyColumns("tax_amount", toDecimal(l.tax_amount ?? 0)),
    }))
  )
}

export async function createCreditMemo(knex: Knex, input: CreditMemoInput, actor: Actor) {
  await assertDateAllowed(knex, input.memo_date)
  const reasonCode = await checkReasonCode(knex, "credit_memo", input.reason_code)
  const currency = input.currency_code.toLowerCase()
  const totals = totalsOf(input.lines, currency)
  const id = generateEntityId(undefined, "cmemo")
  await knex("accounting_credit_memo").insert({
    id,
    status: "draft",
    customer_id: input.customer_id,
    order_id: input.order_id ?? null,
    return_id: input.return_id ?? null,
    currency_code: currency,
    memo_date: input.memo_date,
    reason: input.reason,
    reason_code: reasonCode,
    internal: input.internal ?? false,
    legal_number: input.legal_number ?? null,
    metadata: input.metadata ? JSON.stringify(input.metadata) : null,
    ...moneyColumns("subtotal", totals.subtotal),
    ...moneyColumns("tax_total", totals.tax),
    ...moneyColumns("total", totals.total),
    ...(await draftApproval(knex, "credit_memo", currency, totals.total)),
    created_by: actor.actor_id ?? null,
    origin: actor.origin ?? "api",
  })
  await insertLines(knex, id, input.lines)
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "create",
    to_status: "draft",
    after: { ...input, total: totals.total.toString() },
    ...actor,
  })
  return id
}

export async function updateCreditMemoDraft(knex: Knex, id: string, update: CreditMemoUpdate, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError(
      "IMMUTABLE",
      `Credit memo ${memo.number} is ${memo.status}; only drafts can be edited`
    )
  }
  await assertDateAllowed(knex, update.memo_date)
  if (update.reason_code !== undefined) {
    await checkReasonCode(knex, "credit_memo", update.reason_code)
  }
  const { lines, ...header } = update
  const patch: Record<string, unknown> = { ...header, updated_at: knex.fn.now() }
  if (header.metadata !== undefined) {
    patch.metadata = header.metadata ? JSON.stringify(header.metadata) : null
  }
  let total = readMoney(memo, "total")
  if (lines) {
    const totals = totalsOf(lines, memo.currency_code)
    total = totals.total
    Object.assign(
      patch,
      moneyColumns("subtotal", totals.subtotal),
      moneyColumns("tax_total", totals.tax),
      moneyColumns("total", totals.total)
    )
    await knex("accounting_credit_memo_line").where({ credit_memo_id: id }).del()
    await insertLines(knex, id, lines)
  }
  Object.assign(patch, await draftApproval(knex, "credit_memo", memo.currency_code, total))
  await knex("accounting_credit_memo").where({ id }).update(patch)
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "update",
    before: {
      memo_date: memo.memo_date,
      reason: memo.reason,
      reason_code: memo.reason_code,
      total: readMoney(memo, "total").toString(),
    },
    after: { ...update, ...(patch.raw_total ? { total: readMoney(patch, "total").toString() } : {}) },
    ...actor,
  })
}

/** Discards a draft (an issued memo is voided, never deleted). */
export async function deleteCreditMemoDraft(knex: Knex, id: string, actor: Actor) {
  const memo = await lockMemo(knex, id)
  if (memo.status !== "draft") {
    throw new AccountingError("IMMUTABLE", `Credit memo ${memo.number} is ${memo.status}; void it instead`)
  }
  await knex("accounting_credit_memo_line").where({ credit_memo_id: id }).del()
  await knex("accounting_credit_memo").where({ id }).del()
  await recordAudit(knex, {
    entity_type: "credit_memo",
    entity_id: id,
    action: "delete",
    from_status: "draft",
    ...actor,
  })
}
