/** Ledger assertions shared by module and HTTP tests (plain SQL over the accounting tables). */

type Knex = { raw: (sql: string, params?: unknown[]) => Promise<{ rows: any[] }> }

/** Every journal line of a source, as [account code, debit, credit] in posting and line order. */
export async function glLines(knex: Knex, sourceType: string, sourceId: string): Promise<string[][]> {
  const { rows } = await knex.raw(
    `select a.code, (l.raw_debit->>'value') as debit, (l.raw_credit->>'value') as credit
       from accounting_journal_line l
       join accounting_journal_entry e on e.id = l.entry_id
       join accounting_account a on a.id = l.account_id
      where e.source_type = ? and e.source_id = ?
      order by e.chain_seq, l.line_no`,
    [sourceType, sourceId]
  )
  return rows.map((r: any) => [r.code, r.debit, r.credit])
}

/** Open AR documents (debits minus credits) next to the AR control balance, per currency. */
export async function arTieOut(
  knex: Knex
): Promise<{ currency_code: string; subledger: string; control: string }[]> {
  const { rows } = await knex.raw(`
    select c.currency_code,
           coalesce(s.open, 0)::text as subledger,
           coalesce(g.balance, 0)::text as control
      from (select distinct currency_code from accounting_journal_entry
            union select distinct currency_code from accounting_ar_document) c
      left join (select currency_code, sum(sign * open_amount) as open
                   from accounting_ar_document where deleted_at is null group by currency_code) s
        on s.currency_code = c.currency_code
      left join (select e.currency_code, sum(l.debit - l.credit) as balance
                   from accounting_journal_line l
                   join accounting_journal_entry e on e.id = l.entry_id
                   join accounting_account_mapping m on m.account_id = l.account_id and m.kind = 'role' and m.key = 'ar'
                  where e.status <> 'draft'
                  group by e.currency_code) g
        on g.currency_code = c.currency_code
     order by c.currency_code`)
  return rows
}

/**
 * Currencies and days (of `dates`) on which the AR subledger as of that day
 * differs from the AR control account as of that day: an application, an
 * unapplication or a void dated out of order shows here. Empty when they tie.
 */
export async function arTieOutAsOf(knex: Knex, dates: string[]) {
  if (!dates.length) {
    return []
  }
  const { rows } = await knex.raw(
    `with days as (select unnest(?::text[]) as as_of),
     sub as (
       select days.as_of, d.currency_code,
              sum(d.sign * (d.amount - coalesce((
                select sum(a.amount) from accounting_ar_application a
                 where (a.credit_document_id = d.id or a.debit_document_id = d.id)
                   and a.application_date <= days.as_of and (a.unapplied_date is null or a.unapplied_date > days.as_of)), 0))) as total
         from days join accounting_ar_document d
           on d.document_date <= days.as_of and (d.void_date is null or d.void_date > days.as_of)
        group by days.as_of, d.currency_code),
     gl as (
       select days.as_of, e.currency_code, sum(l.debit - l.credit) as balance
         from days join accounting_journal_entry e on e.entry_date <= days.as_of and e.status <> 'draft'
         join accounting_journal_line l on l.entry_id = e.id
         join accounting_account_mapping m on m.account_id = l.account_id and m.kind = 'role' and m.key = 'ar'
        group by days.as_of, e.currency_code)
     select coalesce(sub.as_of, gl.as_of) as as_of, coalesce(sub.currency_code, gl.currency_code) as currency_code,
            coalesce(sub.total, 0)::text as subledger, coalesce(gl.balance, 0)::text as control
       from sub full outer join gl on gl.as_of = sub.as_of and gl.currency_code = sub.currency_code
      where coalesce(sub.total, 0) <> coalesce(gl.balance, 0)
      order by 1, 2`,
    [dates]
  )
  return rows
}

const normalise = (v: string) => (v.includes(".") ? v.replace(/\.?0+$/, "") : v)

/** The AR subledger equals the AR control account, exactly, in every currency. */
export async function expectArTiesOut(knex: Knex) {
  const rows = await arTieOut(knex)
  expect(rows.map((r) => [r.currency_code, normalise(r.subledger)])).toEqual(
    rows.map((r) => [r.currency_code, normalise(r.control)])
  )
}

/** Polls until `check` returns a truthy value (subscribers run after the workflow returns). */
export async function waitFor<T>(
  check: () => Promise<T>,
  { timeout = 20_000, interval = 100, what = "condition" } = {}
): Promise<T> {
  const deadline = Date.now() + timeout
  let last: T | undefined
  while (Date.now() < deadline) {
    last = await check()
    if (last) {
      return last
    }
    await new Promise((r) => setTimeout(r, interval))
  }
  throw new Error(`Timed out after ${timeout} ms waiting for ${what} (last: ${JSON.stringify(last)})`)
}

/** Waits for the AR document of a source (an order placed: its subscriber posts it); its id. */
export async function waitForArDocument(knex: Knex, sourceId: string): Promise<{ id: string }> {
  return await waitFor(
    async () =>
      (await knex.raw(`select id from accounting_ar_document where source_id = ?`, [sourceId])).rows[0],
    { what: `the AR document of ${sourceId}` }
  )
}
