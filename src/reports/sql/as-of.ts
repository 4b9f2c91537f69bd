/**
 * AR documents as they stood at the end of an as-of day: a document exists
 * from its document date until its void date, and an application counts
 * from its date until it was unapplied. Later postings never change it.
 *
 * When nothing in the subledger is dated after the as-of day, the cached
 * open amounts are exactly that picture, and the report reads them in one
 * pass instead of adding the applications up again.
 */
export function arDocumentsAsOf(filters: string, { cached }: { cached: boolean }): string {
  if (cached) {
    return `
      select d.*, d.open_amount as open
        from accounting_ar_document d
       where d.deleted_at is null and d.void_date is null ${filters}`
  }
  return `
    with standing as (
      select credit_document_id as doc_id, amount from accounting_ar_application
       where deleted_at is null and application_date <= :as_of and (unapplied_date is null or unapplied_date > :as_of)
      union all
      select debit_document_id, amount from accounting_ar_application
       where deleted_at is null and application_date <= :as_of and (unapplied_date is null or unapplied_date > :as_of)
    ), applied as (
      select doc_id, sum(amount) as applied from standing group by doc_id
    )
    select d.*, d.amount - coalesce(ap.applied, 0) as open
      from accounting_ar_document d
      left join applied ap on ap.doc_id = d.id
     where d.deleted_at is null
       and d.document_date <= :as_of
       and (d.void_date is null or d.void_date > :as_of)
       ${filters}`
}

/** True when no document, application or void is dated after the as-of day. */
export const NOTHING_AFTER_AS_OF = `
  select not exists (select 1 from accounting_ar_document where document_date > :as_of and deleted_at is null)
     and not exists (select 1 from accounting_ar_document where void_date > :as_of and deleted_at is null)
     and not exists (select 1 from accounting_ar_application where application_date > :as_of and deleted_at is null)
     and not exists (select 1 from accounting_ar_application where unapplied_date > :as_of and deleted_at is null)
     as cached`

/** Runs a query with named bindings (:as_of) and returns its rows. */
export type RowsQuery = (sql: string, bindings?: Record<string, unknown>) => Promise<any[]>

export const knexRows =
  (knex: { raw: (sql: string, bindings: any) => PromiseLike<{ rows: any[] }> }): RowsQuery =>
  async (sql, bindings = {}) =>
    (await knex.raw(sql, bindings)).rows

/**
 * Debit balance of the account mapped to `role` per currency at the end of
 * the as-of day ({ currency_code, balance } rows). The account is read first
 * and bound as a value: behind a subquery PostgreSQL guesses a handful of
 * lines and joins the ledger to its entries one line at a time (3 s instead
 * of 1.5 s over 2M lines).
 */
export async function roleBalancesAsOf(rows: RowsQuery, asOf: string, role: string) {
  const [mapping] = await rows(
    `select account_id from accounting_account_mapping where kind = 'role' and key = :role and deleted_at is null`,
    { role }
  )
  if (!mapping) {
    return []
  }
  return await rows(
    `select e.currency_code, sum(l.debit - l.credit) as balance
       from accounting_journal_line l
       join accounting_journal_entry e on e.id = l.entry_id
      where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= :as_of
        and l.account_id = :account and l.deleted_at is null
      group by e.currency_code`,
    { as_of: asOf, account: mapping.account_id }
  )
}

/** Where-clause fragments for the common report filters (named bindings). */
export function documentFilters(params: {
  customer_id?: string
  currency_code?: string
  region_id?: string
  sales_channel_id?: string
}): string {
  return [
    params.customer_id && `and d.customer_id = :customer_id`,
    params.currency_code && `and d.currency_code = :currency_code`,
    params.region_id && `and d.region_id = :region_id`,
    params.sales_channel_id && `and d.sales_channel_id = :sales_channel_id`,
  ]
    .filter(Boolean)
    .join(" ")
}
