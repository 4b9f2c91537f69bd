import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type { Actor } from "../../ledger/audit"
import { Decimal, toDecimal } from "../../rules/money"
import { createCustomerRefundDraft } from "./drafts"
import { assertAvailable } from "./lines"
import type { CustomerRefundInput, RefundContext } from "./types"

export type ImportGroup = { rows: number[]; input: CustomerRefundInput; payment?: RefundContext["payment"] }
export type ImportError = { row: number; field: string; message: string }

const FIELD_OF_CODE: Record<string, string> = {
  REFUND_EXCEEDS_CREDIT: "amount",
  PRECISION_EXCEEDED: "amount",
  CUSTOMER_MISMATCH: "source_id",
  CURRENCY_MISMATCH: "source_id",
  CREDIT_NOT_AVAILABLE: "source_id",
  POSITIVE_INVOICE_NOT_REFUNDABLE: "source_id",
  ACCOUNT_NOT_MAPPED: "method",
  PAYMENT_REQUIRED: "payment_id",
  UNKNOWN_REASON_CODE: "reason_code",
  REASON_CODE_REQUIRED: "reason_code",
}

/** Points an error of a refund at the CSV row (and field) it comes from. */
function importError(e: any, group: ImportGroup): ImportError {
  const message: string = e?.message ?? String(e)
  const line = /lines\[(\d+)\](?:\.(\w+))?/.exec(message)
  const row = line ? (group.rows[Number(line[1])] ?? group.rows[0]) : group.rows[0]
  const field = line?.[2] ?? FIELD_OF_CODE[e?.code] ?? (/not found/i.test(message) ? "source_id" : "row")
  return { row, field, message }
}

/**
 * Creates draft refunds from an import. Each refund is tried in its own
 * savepoint so every bad row is reported; with any error nothing is kept,
 * unless `partial` keeps the good ones. Credits drawn on by several rows of
 * the file must cover their sum.
 */
export async function importCustomerRefundDrafts(
  knex: Knex,
  groups: ImportGroup[],
  context: RefundContext,
  actor: Actor
): Promise<{ created: string[]; errors: ImportError[] }> {
  const created: string[] = []
  const errors: ImportError[] = []
  const drawn = new Map<string, Decimal>()
  for (const group of groups) {
    // What this refund adds to `drawn`, merged only once its savepoint commits.
    const mine = new Map<string, Decimal>()
    try {
      const id = await knex.transaction(async (savepoint) => {
        const refundId = await createCustomerRefundDraft(
          savepoint,
          group.input,
          { ...context, payment: group.payment ?? null },
          actor
        )
        const lines = await savepoint("accounting_customer_refund_line")
          .where({ refund_id: refundId })
          .orderBy("id")
        for (const [i, line] of group.input.lines.entries()) {
          const stored = lines.find(
            (l: any) => l.source_type === line.source_type && l.source_id === line.source_id
          )
          const key = stored?.ar_document_id ?? line.source_id
          const earlier = mine.get(key) ?? drawn.get(key)
          const total = (earlier ?? new Decimal(0)).plus(toDecimal(line.amount))
          // A credit no earlier row drew on was checked by the draft itself.
          if (earlier) {
            await assertAvailable(
              savepoint,
              [{ ...line, amount: total, ar_document_id: stored?.ar_document_id ?? null }],
              context,
              { refundDate: group.input.refund_date }
            ).catch((e) => {
              throw Object.assign(e, {
                message: `lines[${i}]: ${e.message} (counting the earlier rows of this file)`,
              })
            })
          }
          mine.set(key, total)
        }
        return refundId
      })
      created.push(id)
      mine.forEach((total, key) => drawn.set(key, total))
    } catch (e) {
      errors.push(importError(e, group))
    }
  }
  return { created, errors }
}
