/**
 * The ledger's own cost of an order's postings, without Medusa's event bus
 * and workflows around it (npm run bench:posting; the cluster bench measures
 * the whole path): on a scratch database, each order is placed then captured
 * through syncOrder, one transaction each, as the subscriber does.
 *   - per order: ms and SQL statements (the statements of one order listed);
 *   - the same with BENCH_BOOKS orders already in the books (goal: <= 1.2x);
 *   - two posters on unrelated customers vs one (goal: >= 1x the orders/s),
 *     with the lock waits sampled from pg_stat_activity.
 * Results: stdout and bench/results/posting.json.
 */
import fs from "fs"
import os from "os"
import path from "path"
import knexFactory, { Knex } from "knex"
import { syncOrder } from "../src/modules/accounting/ar/order-sync"
import { sealAtEnd } from "../src/modules/accounting/ledger/posting"
import type { OrderSnapshot } from "../src/modules/accounting/rules/order-recognition"
import { dropDatabase, scratchDatabase } from "./scratch-db"

const DB = "accounting_bench_posting"
const ORDERS = Number(process.env.BENCH_POST_ORDERS ?? 300)
const BOOKS = Number(process.env.BENCH_BOOKS ?? 100_000)
const GOALS = { growth: 1.2, two_vs_one: 1 }
const DAY = "2026-11-20"
/** end: as the module posts (number and chain taken last, sealAtEnd); inline: sealed where posted (the old way). */
const SEAL = process.env.BENCH_SEAL === "inline" ? "inline" : "end"

const snapshot = (id: string, customer: string, captured: boolean): OrderSnapshot => ({
  id,
  display_id: id,
  status: "pending",
  version: 1,
  currency_code: "usd",
  customer_id: customer,
  customer_group_ids: [],
  order_date: DAY,
  change_date: DAY,
  totals: { item_subtotal: "49.90", shipping_subtotal: "5", discount_subtotal: 0, tax_total: 0, total: "54.90" },
  credit_lines: [],
  payments: [
    {
      id: `pay_${id}`,
      provider_id: "pp_system_default",
      captures: captured ? [{ id: `capt_${id}`, amount: "54.90", date: DAY }] : [],
      refunds: [],
    },
  ],
})

/** Places and captures one order (two transactions, as two events would). */
async function postOrder(knex: Knex, id: string, customer: string) {
  for (const captured of [false, true]) {
    await knex.transaction(async (trx) => {
      await trx.raw(`set local lock_timeout = 15000`)
      const post = () => syncOrder(trx as any, snapshot(id, customer, captured), "bench")
      await (SEAL === "end" ? sealAtEnd(trx as any, post) : post())
    })
  }
}

/** Orders posted one after another by `posters` concurrent posters; ms per order and statements per order. */
async function run(knex: Knex, tag: string, posters: number, counter: { n: number }) {
  const before = counter.n
  const started = performance.now()
  await Promise.all(
    Array.from({ length: posters }, async (_, p) => {
      for (let i = p; i < ORDERS; i += posters) {
        // Unrelated customers per poster: they share nothing but the journal.
        await postOrder(knex, `order_${tag}_${i}`, `cus_${tag}_${p}_${i % 50}`)
      }
    })
  )
  const ms = performance.now() - started
  return {
    orders: ORDERS,
    posters,
    ms: Math.round(ms),
    orders_per_second: round((ORDERS / ms) * 1000),
    ms_per_order: round(ms / ORDERS),
    statements_per_order: round((counter.n - before) / ORDERS),
  }
}

/**
 * Grows the books by `orders` placed-and-captured orders at once (SQL, the
 * triggers off for the bulk load): two AR documents, two numbered and
 * chained journal entries of two lines each, one application per order.
 */
async function growBooks(knex: Knex, orders: number) {
  await knex.transaction(async (trx) => {
    await trx.raw(`set local session_replication_role = replica`)
    const { rows } = await trx.raw(`select type, next_value from accounting_document_sequence where type in ('journal_entry', '__chain')`)
    const next = Object.fromEntries(rows.map((r: any) => [r.type, Number(r.next_value)]))
    await trx.raw(`
      insert into accounting_journal_entry (id, number, entry_date, status, currency_code, source_type, source_id, source_kind,
                                            origin, chain_seq, prev_hash, hash, posted_at)
      select 'je_g' || g, 'JE-' || lpad((${next.journal_entry} + g - 1)::text, 6, '0'), to_char(date '${DAY}' - (g % 700), 'YYYY-MM-DD'),
             'posted', 'usd', case when g % 2 = 0 then 'order' else 'capture' end,
             case when g % 2 = 0 then 'order_g' || (g / 2) else 'capt_g' || (g / 2) end,
             case when g % 2 = 0 then 'placed' else 'captured' end, 'bench',
             ${next.__chain} + g - 1, md5((g - 1)::text), md5(g::text), now()
        from generate_series(1, ${orders * 2}) g`)
    await trx.raw(`
      insert into accounting_journal_line (id, entry_id, line_no, account_id, debit, raw_debit, credit, raw_credit, customer_id, order_id)
      select 'jel_g' || g || '_' || k, 'je_g' || g, k,
             case when (g % 2 = 0) = (k = 1) then 'acct_1100' when g % 2 = 0 then 'acct_4000' else 'acct_1000' end,
             case when k = 1 then 54.90 else 0 end, jsonb_build_object('value', case when k = 1 then '54.90' else '0' end),
             case when k = 2 then 54.90 else 0 end, jsonb_build_object('value', case when k = 2 then '54.90' else '0' end),
             'cus_g' || (g % 5000), 'order_g' || (g / 2)
        from generate_series(1, ${orders * 2}) g cross join generate_series(1, 2) k`)
    await trx.raw(`
      insert into accounting_ar_document (id, doc_type, sign, number, customer_id, currency_code, document_date, due_date,
                                          amount, raw_amount, open_amount, raw_open_amount, source_id, order_id, journal_entry_id)
      select 'ardoc_g' || g, case when g % 2 = 0 then 'order' else 'payment' end, case when g % 2 = 0 then 1 else -1 end,
             '#g' || g, 'cus_g' || (g % 5000), 'usd', to_char(date '${DAY}' - (g % 700), 'YYYY-MM-DD'),
             to_char(date '${DAY}' - (g % 700) + 30, 'YYYY-MM-DD'), 54.90, jsonb_build_object('value', '54.90'), 0,
             jsonb_build_object('value', '0'), case when g % 2 = 0 then 'order_g' || (g / 2) else 'capt_g' || (g / 2) end,
             'order_g' || (g / 2), 'je_g' || g
        from generate_series(1, ${orders * 2}) g`)
    await trx.raw(`
      insert into accounting_ar_application (id, credit_document_id, debit_document_id, amount, raw_amount, application_date, kind)
      select 'arapp_g' || g, 'ardoc_g' || (2 * g + 1), 'ardoc_g' || (2 * g), 54.90, jsonb_build_object('value', '54.90'),
             to_char(date '${DAY}' - ((2 * g) % 700), 'YYYY-MM-DD'), 'auto'
        from generate_series(1, ${orders} - 1) g`)
    await trx.raw(`update accounting_document_sequence set next_value = next_value + ${orders * 2} where type in ('journal_entry', '__chain')`)
  })
  for (const t of ["accounting_journal_entry", "accounting_journal_line", "accounting_ar_document", "accounting_ar_application"]) {
    await knex.raw(`analyze ${t}`)
  }
}

/** Samples the posters' sessions every 20 ms: how often one waits on a lock, and on what. */
function sampleLockWaits(knex: Knex) {
  let running = true
  const waits: Record<string, number> = {}
  let samples = 0
  const loop = (async () => {
    while (running) {
      const { rows } = await knex.raw(
        `select wait_event_type, wait_event from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`
      )
      samples += 1
      for (const r of rows) {
        if (r.wait_event_type === "Lock") {
          waits[r.wait_event] = (waits[r.wait_event] ?? 0) + 1
        }
      }
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  return async () => {
    running = false
    await loop
    return { samples, lock_waits: waits, share_of_samples_waiting: round(Object.values(waits).reduce((a, b) => a + b, 0) / Math.max(1, samples)) }
  }
}

const round = (n: number) => Math.round(n * 100) / 100

async function main() {
  console.log(`posting bench: ${ORDERS} orders per run (placed + captured), books grown by ${BOOKS.toLocaleString()} orders, seal ${SEAL} (scratch database ${DB})`)
  const url = await scratchDatabase(DB)
  const counter = { n: 0 }
  const statements: string[] = []
  let recording = false
  const knex = knexFactory({ client: "pg", connection: url, pool: { min: 3, max: 6 } })
  knex.on("query", (q: { sql: string }) => {
    counter.n += 1
    if (recording) {
      statements.push(q.sql.replace(/\s+/g, " ").slice(0, 160))
    }
  })
  try {
    // One order's statements, for the report (after a warm-up).
    await run(knex, "warm", 1, counter)
    recording = true
    await postOrder(knex, "order_listed", "cus_listed")
    recording = false

    const small = await run(knex, "small", 1, counter)
    console.log(`1 poster, small books: ${small.orders_per_second} orders/s, ${small.ms_per_order} ms and ${small.statements_per_order} statements per order`)
    const stopA = sampleLockWaits(knex)
    const twoSmall = await run(knex, "small2", 2, counter)
    const waitsSmall = await stopA()
    console.log(`2 posters, small books: ${twoSmall.orders_per_second} orders/s; lock waits ${JSON.stringify(waitsSmall.lock_waits)} in ${waitsSmall.samples} samples`)

    const [growMs] = await (async () => {
      const t = performance.now()
      await growBooks(knex, BOOKS)
      return [performance.now() - t]
    })()
    console.log(`books grown by ${BOOKS.toLocaleString()} orders in ${(growMs / 1000).toFixed(1)} s`)
    const large = await run(knex, "large", 1, counter)
    const growth = round(large.ms_per_order / small.ms_per_order)
    console.log(`1 poster, grown books: ${large.orders_per_second} orders/s, ${large.ms_per_order} ms per order -> ${growth}x the small books (goal <= ${GOALS.growth}x) ${growth <= GOALS.growth ? "ok" : "MISSED"}`)
    const stopB = sampleLockWaits(knex)
    const two = await run(knex, "large2", 2, counter)
    const waits = await stopB()
    const twoVsOne = round(two.orders_per_second / large.orders_per_second)
    console.log(`2 posters, grown books: ${two.orders_per_second} orders/s -> ${twoVsOne}x one poster (goal >= ${GOALS.two_vs_one}x) ${twoVsOne >= GOALS.two_vs_one ? "ok" : "MISSED"}; lock waits ${JSON.stringify(waits.lock_waits)} in ${waits.samples} samples`)

    const checks = { growth: growth <= GOALS.growth, two_vs_one: twoVsOne >= GOALS.two_vs_one }
    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, load_average_at_end: os.loadavg().map(round), node: process.version },
      goals: GOALS,
      seal: SEAL,
      small_books: small,
      small_books_two_posters: { ...twoSmall, ...waitsSmall },
      books_grown_by_orders: BOOKS,
      grown_books: large,
      grown_books_two_posters: { ...two, ...waits },
      growth_ratio: growth,
      two_vs_one_ratio: twoVsOne,
      one_order_statements: statements,
      checks,
      goals_met: Object.values(checks).every(Boolean),
    }
    const results = path.resolve(__dirname, "../../bench/results")
    fs.mkdirSync(results, { recursive: true })
    const file = SEAL === "end" ? "posting.json" : "posting-inline-seal.json"
    fs.writeFileSync(path.join(results, file), JSON.stringify(result, null, 2) + "\n")
    console.log(`one order = ${statements.length} statements:\n  ${statements.join("\n  ")}`)
    console.log(`goals ${result.goals_met ? "met" : "NOT met"}; written to bench/results/${file}`)
  } finally {
    await knex.destroy()
    if (!process.env.BENCH_KEEP_DB) {
      await dropDatabase(DB)
    }
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
