import type { Knex } from "knex"

/**
 * Bench data, written straight into a scratch database (the module's
 * triggers are bypassed for the bulk load only: `session_replication_role`).
 *   - `items` AR documents over `customers` customers and ~2 years: blocks of
 *     ten documents (one credit memo, nine orders) per customer, a customer in
 *     seven in EUR, 5% voided;
 *   - each credit memo applied to the next three orders of its block (~`items`
 *     × 0.3 applications), a third of them unapplied later;
 *   - the journal behind it: one AR line and one counter line per document
 *     (and per void), so the AR control account ties to the subledger.
 */
export async function generateReportsData(knex: Knex, { items, customers, asOf }: { items: number; customers: number; asOf: string }) {
  await knex.transaction(async (trx) => {
    await trx.raw(`set local session_replication_role = replica`)
    await trx.raw(`
      insert into accounting_ar_document
        (id, doc_type, sign, number, customer_id, currency_code, document_date, due_date,
         amount, raw_amount, open_amount, raw_open_amount, source_id, region_id, journal_entry_id,
         void_date, void_journal_entry_id)
      select 'ardoc_b' || g,
             case when g % 10 = 0 then 'credit_memo' else 'order' end,
             case when g % 10 = 0 then -1 else 1 end,
             case when g % 10 = 0 then 'CM-' else '#' end || g,
             'cus_b' || ((g / 10) % ${customers}),
             case when ((g / 10) % ${customers}) % 7 = 0 then 'eur' else 'usd' end,
             to_char(date '${asOf}' - (g % 730), 'YYYY-MM-DD'),
             to_char(date '${asOf}' - (g % 730) + 30, 'YYYY-MM-DD'),
             x.amount, jsonb_build_object('value', x.amount::text, 'precision', 20),
             case when g % 20 = 7 then 0 else x.amount end,
             jsonb_build_object('value', (case when g % 20 = 7 then 0 else x.amount end)::text, 'precision', 20),
             'src_b' || g,
             case when g <= 10000 then 'reg_bench_pdf' end,
             'je_b' || g,
             case when g % 20 = 7 then to_char(date '${asOf}' - (g % 730) + 10, 'YYYY-MM-DD') end,
             case when g % 20 = 7 then 'je_v' || g end
        from generate_series(1, ${items}) g,
             lateral (select round((10 + (g::bigint * 7919 % 100000) / 100.0)::numeric, 2) as amount) x`)
    // Credit memo g applied to orders g+1..g+3 (its block: same customer and currency), dated 5 days
    // after the later document, each a quarter of the smaller amount in whole cents (as the app stores money);
    // one in three unapplied 20 days later. Voided documents take no part.
    await trx.raw(`
      insert into accounting_ar_application
        (id, credit_document_id, debit_document_id, amount, raw_amount, application_date, unapplied_date, kind)
      select 'arapp_b' || c.g || '_' || k, 'ardoc_b' || c.g, 'ardoc_b' || (c.g + k), a.amount,
             jsonb_build_object('value', a.amount::text, 'precision', 20),
             to_char(a.day + 5, 'YYYY-MM-DD'),
             case when (c.g + k) % 3 = 0 then to_char(a.day + 25, 'YYYY-MM-DD') end,
             'manual'
        from generate_series(10, ${items} - 10, 10) c(g)
        cross join generate_series(1, 3) k
        join lateral (select round(least(round((10 + (c.g::bigint * 7919 % 100000) / 100.0)::numeric, 2),
                                         round((10 + ((c.g + k)::bigint * 7919 % 100000) / 100.0)::numeric, 2)) / 4, 2) as amount,
                                greatest(date '${asOf}' - (c.g % 730), date '${asOf}' - ((c.g + k) % 730)) as day) a on true
       where c.g % 20 <> 7 and (c.g + k) % 20 <> 7`)
    // Open amounts as of now: amount less the applications that stand.
    await trx.raw(`
      update accounting_ar_document d set open_amount = d.amount - s.applied,
             raw_open_amount = jsonb_build_object('value', (d.amount - s.applied)::text, 'precision', 20)
        from (select doc, sum(amount) as applied from (
                select credit_document_id as doc, amount from accounting_ar_application where unapplied_date is null
                union all
                select debit_document_id, amount from accounting_ar_application where unapplied_date is null) x
              group by doc) s
       where s.doc = d.id and d.void_date is null`)
    await trx.raw(`
      insert into accounting_journal_entry (id, number, entry_date, status, currency_code, source_type, source_id, source_kind)
      select d.journal_entry_id, 'JE-B' || d.id, d.document_date, 'posted', d.currency_code, 'bench', d.id, 'posted'
        from accounting_ar_document d
      union all
      select d.void_journal_entry_id, 'JE-V' || d.id, d.void_date, 'posted', d.currency_code, 'bench', d.id, 'voided'
        from accounting_ar_document d where d.void_date is not null`)
    await trx.raw(`
      insert into accounting_journal_line (id, entry_id, line_no, account_id, debit, raw_debit, credit, raw_credit, customer_id)
      select 'jel_a' || d.id, d.journal_entry_id, 1, 'acct_1100',
             case when d.sign = 1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = 1 then d.amount else 0 end)::text),
             case when d.sign = -1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = -1 then d.amount else 0 end)::text),
             d.customer_id
        from accounting_ar_document d
      union all
      select 'jel_s' || d.id, d.journal_entry_id, 2, case when d.sign = 1 then 'acct_4000' else 'acct_4100' end,
             case when d.sign = -1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = -1 then d.amount else 0 end)::text),
             case when d.sign = 1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = 1 then d.amount else 0 end)::text),
             d.customer_id
        from accounting_ar_document d
      union all
      select 'jel_va' || d.id, d.void_journal_entry_id, 1, 'acct_1100',
             case when d.sign = -1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = -1 then d.amount else 0 end)::text),
             case when d.sign = 1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = 1 then d.amount else 0 end)::text),
             d.customer_id
        from accounting_ar_document d where d.void_date is not null
      union all
      select 'jel_vs' || d.id, d.void_journal_entry_id, 2, case when d.sign = 1 then 'acct_4000' else 'acct_4100' end,
             case when d.sign = 1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = 1 then d.amount else 0 end)::text),
             case when d.sign = -1 then d.amount else 0 end, jsonb_build_object('value', (case when d.sign = -1 then d.amount else 0 end)::text),
             d.customer_id
        from accounting_ar_document d where d.void_date is not null`)
  })
  for (const table of ["accounting_ar_document", "accounting_ar_application", "accounting_journal_entry", "accounting_journal_line"]) {
    await knex.raw(`analyze ${table}`)
  }
  const { rows } = await knex.raw(`
    select (select count(*) from accounting_ar_document)::int as documents,
           (select count(*) from accounting_ar_document where void_date is not null)::int as voided,
           (select count(*) from accounting_ar_application)::int as applications,
           (select count(*) from accounting_ar_application where unapplied_date is not null)::int as unapplied,
           (select count(*) from accounting_journal_line)::int as journal_lines`)
  return rows[0] as { documents: number; voided: number; applications: number; unapplied: number; journal_lines: number }
}

/**
 * Grows the journal to about `lines` lines with balanced two-line cash-sale
 * entries over two years (Dr Bank / Cr Sales, some in EUR), for the trial
 * balance and general ledger. Returns the number of lines.
 */
export async function generateLedgerLines(knex: Knex, { lines, asOf }: { lines: number; asOf: string }) {
  const { rows } = await knex.raw(`select count(*)::int as n from accounting_journal_line`)
  const entries = Math.max(0, Math.floor((lines - rows[0].n) / 2))
  const batch = 1_000_000
  for (let from = 1; from <= entries; from += batch) {
    const to = Math.min(entries, from + batch - 1)
    await knex.transaction(async (trx) => {
      await trx.raw(`set local session_replication_role = replica`)
      await trx.raw(`
        insert into accounting_journal_entry (id, number, entry_date, status, currency_code, source_type, source_id, source_kind)
        select 'je_l' || g, 'JE-L' || g, to_char(date '${asOf}' - (g % 730), 'YYYY-MM-DD'), 'posted',
               case when g % 7 = 0 then 'eur' else 'usd' end, 'bench', 'l' || g, 'posted'
          from generate_series(${from}, ${to}) g`)
      await trx.raw(`
        insert into accounting_journal_line (id, entry_id, line_no, account_id, debit, raw_debit, credit, raw_credit)
        select 'jel_l' || g || '_' || k, 'je_l' || g, k, case when k = 1 then 'acct_1000' else 'acct_4000' end,
               case when k = 1 then a else 0 end, jsonb_build_object('value', (case when k = 1 then a else 0 end)::text),
               case when k = 2 then a else 0 end, jsonb_build_object('value', (case when k = 2 then a else 0 end)::text)
          from generate_series(${from}, ${to}) g cross join generate_series(1, 2) k,
               lateral (select round((5 + (g::bigint * 104729 % 50000) / 100.0)::numeric, 2) as a) x`)
    })
  }
  await knex.raw(`analyze accounting_journal_entry`)
  await knex.raw(`analyze accounting_journal_line`)
  const after = await knex.raw(`select count(*)::int as n from accounting_journal_line`)
  return after.rows[0].n as number
}
