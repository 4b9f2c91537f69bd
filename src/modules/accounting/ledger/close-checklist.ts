import type { Knex } from "@medusajs/framework/mikro-orm/knex"

export type ChecklistEntry = { id: string; reference: string | null; date?: string | null; amount?: string; currency_code?: string }

export type ChecklistItem = {
  key: string
  label: string
  /** A blocking item refuses the close (PERIOD_CHECKLIST_BLOCKED) unless it is forced. */
  blocking: boolean
  count: number
  entries: ChecklistEntry[]
}

export type PeriodRange = { start_date: string; end_date: string }

/** What a close checklist shows of each kind (the count is always the full count). */
const SHOWN = 20

const item = (key: string, label: string, blocking: boolean, entries: ChecklistEntry[], count?: number): ChecklistItem => ({
  key,
  label,
  blocking,
  count: count ?? entries.length,
  entries: entries.slice(0, SHOWN),
})

/**
 * The ledger's half of the close checklist of a period (the reconciliation
 * half needs Medusa's payments: see workflows/setup/period-checklist.ts):
 * drafts dated in it, refunds being posted, pending posting errors (blocking),
 * payments not applied yet and clearing-account balances at its end (shown).
 */
export async function ledgerChecklist(knex: Knex, period: PeriodRange): Promise<ChecklistItem[]> {
  const range = [period.start_date, period.end_date] as const
  const drafts = await knex("accounting_journal_entry")
    .select("id", "memo as reference", "entry_date as date")
    .where({ status: "draft" })
    .whereBetween("entry_date", range)
    .whereNull("deleted_at")
    .orderBy("entry_date")
  const memos = await knex("accounting_credit_memo")
    .select("id", "reason as reference", "memo_date as date", "currency_code")
    .where({ status: "draft" })
    .whereBetween("memo_date", range)
    .whereNull("deleted_at")
    .orderBy("memo_date")
  const refunds = await knex("accounting_customer_refund")
    .select("id", "number as reference", "refund_date as date", "status", "currency_code")
    .whereIn("status", ["draft", "posting", "money_moved"])
    .whereBetween("refund_date", range)
    .whereNull("deleted_at")
    .orderBy("refund_date")
  const errors = await knex("accounting_posting_error")
    .select("id", "source_id", "source_type", "message")
    .where({ status: "pending" })
    .whereNull("deleted_at")
    .orderBy("created_at")
  const unapplied = await knex("accounting_ar_document")
    .select("id", "number as reference", "document_date as date", "open_amount as amount", "currency_code")
    .where({ doc_type: "payment", sign: -1 })
    .where("open_amount", ">", 0)
    .where("document_date", "<=", period.end_date)
    .whereNull("void_date")
    .whereNull("deleted_at")
    .orderBy("document_date")
  const { rows: clearing } = await knex.raw(
    `select a.id, a.code || ' ' || a.name as reference, e.currency_code, sum(l.debit - l.credit)::text as amount
       from accounting_journal_line l
       join accounting_journal_entry e on e.id = l.entry_id
       join accounting_account a on a.id = l.account_id
      where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= ?
        and l.account_id in (select account_id from accounting_account_mapping
                              where deleted_at is null and (kind = 'provider'
                                 or kind = 'role' and key in ('card_clearing', 'undeposited_funds')))
      group by a.id, a.code, a.name, e.currency_code
     having sum(l.debit - l.credit) <> 0
      order by a.code, e.currency_code`,
    [period.end_date]
  )
  return [
    item("draft_journal_entries", "Draft journal entries dated in the period", true, drafts),
    item("draft_credit_memos", "Draft credit memos dated in the period", true, memos),
    item(
      "unposted_customer_refunds",
      "Customer refunds dated in the period not posted yet (draft or being posted)",
      true,
      refunds.map((r: any) => ({ ...r, reference: r.reference ?? `${r.status} refund` }))
    ),
    item(
      "pending_posting_errors",
      "Store activity that failed to post (posting errors to retry or fix)",
      true,
      errors.map((e: any) => ({ id: e.id, reference: `${e.source_type} ${e.source_id}: ${e.message}` }))
    ),
    item("unapplied_payments", "Payments received but not applied to a receivable", false, unapplied),
    item("clearing_balances", "Clearing account balances at the end of the period (await payouts and deposits)", false, clearing),
  ]
}
