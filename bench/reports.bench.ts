/**
 * npm run bench: AR reports at scale on a scratch database.
 *   1,000,000 open items over 50,000 customers
 *   - aging summary (our report, streamed) vs a hand-written single-pass GROUP BY: the ratio
 *   - CSV and XLSX of the 1M-row aging detail: time and peak RSS
 *   - a 10,000-row PDF: time and peak RSS
 * Results: stdout and bench/results/reports.json.
 */
import { execFileSync } from "child_process"
import fs from "fs"
import os from "os"
import path from "path"
import knexFactory from "knex"
import { agingSql } from "../src/reports/definitions/ar-aging"
import { dropDatabase, scratchDatabase } from "./scratch-db"

const DB = "accounting_bench_reports"
const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000)
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50_000)
const AS_OF = "2026-11-25"
const GOALS = { ratio: 1.5, export_rss_mb: 300, pdf_rss_mb: 200 }

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now()
  const value = await fn()
  return [performance.now() - started, value]
}

function exportInChild(url: string, report: string, format: string, params: Record<string, unknown>) {
  const file = path.join(os.tmpdir(), `bench-${report}-${process.pid}.${format}`)
  // Compiled JavaScript (npm run bench builds it): no compiler in the measured process.
  const out = execFileSync(
    process.execPath,
    [path.join(__dirname, "export-worker.js"), url, report, format, file, JSON.stringify(params)],
    { maxBuffer: 1 << 20 }
  ).toString()
  fs.rmSync(file, { force: true })
  return JSON.parse(out) as { ms: number; max_rss_mb: number; bytes: number }
}

async function main() {
  console.log(`bench: ${ITEMS.toLocaleString()} open items over ${CUSTOMERS.toLocaleString()} customers (scratch database ${DB})`)
  const url = await scratchDatabase(DB)
  const knex = knexFactory({ client: "pg", connection: url, pool: { min: 1, max: 4 } })
  try {
    const [genMs] = await time(() =>
      knex.raw(
        `insert into accounting_ar_document
           (id, doc_type, sign, number, customer_id, currency_code, document_date, due_date,
            amount, raw_amount, open_amount, raw_open_amount, source_id, region_id)
         select 'ardoc_b' || g,
                case when g % 10 = 0 then 'credit_memo' else 'order' end,
                case when g % 10 = 0 then -1 else 1 end,
                case when g % 10 = 0 then 'CM-' else '#' end || g,
                'cus_b' || (g % ${CUSTOMERS}),
                case when g % 7 = 0 then 'eur' else 'usd' end,
                to_char(date '${AS_OF}' - (g % 400), 'YYYY-MM-DD'),
                to_char(date '${AS_OF}' - (g % 400) + 30, 'YYYY-MM-DD'),
                a.amount, jsonb_build_object('value', a.amount::text, 'precision', 20),
                a.open, jsonb_build_object('value', a.open::text, 'precision', 20),
                'src_b' || g,
                case when g <= 10000 then 'reg_bench_pdf' end
           from generate_series(1, ${ITEMS}) g,
                lateral (select round((10 + (g::bigint * 7919 % 100000) / 100.0)::numeric, 2) as amount) x,
                lateral (select x.amount as amount,
                                case when g % 3 = 0 then round(x.amount / 2, 2) else x.amount end as open) a`
      )
    )
    await knex.raw(`analyze accounting_ar_document`)
    console.log(`generated in ${(genMs / 1000).toFixed(1)} s`)

    const params = { as_of: AS_OF, basis: "due" as const, buckets: [30, 60, 90], detail: false }
    const ours = agingSql(params, true)
    const handWritten = `
      select currency_code, customer_id,
             sum(case when due_date::date >= date '${AS_OF}' then sign * open_amount else 0 end) as b0,
             sum(case when date '${AS_OF}' - due_date::date between 1 and 30 then sign * open_amount else 0 end) as b1,
             sum(case when date '${AS_OF}' - due_date::date between 31 and 60 then sign * open_amount else 0 end) as b2,
             sum(case when date '${AS_OF}' - due_date::date between 61 and 90 then sign * open_amount else 0 end) as b3,
             sum(case when date '${AS_OF}' - due_date::date > 90 then sign * open_amount else 0 end) as b4,
             sum(sign * open_amount) as total
        from accounting_ar_document
       where deleted_at is null and void_date is null and open_amount <> 0
       group by currency_code, customer_id`
    const run = async (sql: string, bindings: Record<string, unknown> = {}) => (await knex.raw(sql, bindings)).rows.length
    await run(handWritten) // warm the cache once for both
    const samples = { ours: [] as number[], hand: [] as number[] }
    let groups = 0
    for (let i = 0; i < 3; i++) {
      const [h] = await time(() => run(handWritten))
      const [o, n] = await time(() => run(ours, { as_of: AS_OF }))
      samples.hand.push(h)
      samples.ours.push(o)
      groups = n
    }
    const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]
    // The full report path too: cursor, customer lookup stub and JSON writing.
    const summaryExport = exportInChild(url, "ar-aging", "json", params)
    const pastExport = exportInChild(url, "ar-aging", "json", { ...params, as_of: "2026-06-30" })
    const ratio = median(samples.ours) / median(samples.hand)
    console.log(`aging summary SQL: ours ${median(samples.ours).toFixed(0)} ms, hand-written GROUP BY ${median(samples.hand).toFixed(0)} ms -> ratio ${ratio.toFixed(2)} (goal <= ${GOALS.ratio}); ${groups} customer x currency rows`)
    console.log(`aging summary report, streamed JSON: ${summaryExport.ms} ms; as of a past day (applications re-added): ${pastExport.ms} ms`)

    const detail = { ...params, detail: true }
    const csv = exportInChild(url, "ar-aging", "csv", detail)
    console.log(`CSV detail, ${ITEMS.toLocaleString()} rows: ${(csv.ms / 1000).toFixed(1)} s, peak RSS ${csv.max_rss_mb} MB, ${(csv.bytes / 1e6).toFixed(0)} MB file (goal < ${GOALS.export_rss_mb} MB)`)
    const xlsx = exportInChild(url, "ar-aging", "xlsx", detail)
    console.log(`XLSX detail, ${ITEMS.toLocaleString()} rows: ${(xlsx.ms / 1000).toFixed(1)} s, peak RSS ${xlsx.max_rss_mb} MB, ${(xlsx.bytes / 1e6).toFixed(0)} MB file (goal < ${GOALS.export_rss_mb} MB)`)
    const pdf = exportInChild(url, "ar-aging", "pdf", { ...detail, region_id: "reg_bench_pdf" })
    console.log(`PDF detail, 10,000 rows: ${(pdf.ms / 1000).toFixed(1)} s, peak RSS ${pdf.max_rss_mb} MB, ${(pdf.bytes / 1e6).toFixed(1)} MB file (goal < ${GOALS.pdf_rss_mb} MB)`)

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      items: ITEMS,
      customers: CUSTOMERS,
      generate_ms: Math.round(genMs),
      aging_summary: {
        ours_ms: Math.round(median(samples.ours)),
        hand_written_group_by_ms: Math.round(median(samples.hand)),
        ratio: Number(ratio.toFixed(2)),
        goal: GOALS.ratio,
        report_json_ms: summaryExport.ms,
        past_as_of_report_json_ms: pastExport.ms,
      },
      csv_detail: { ...csv, goal_rss_mb: GOALS.export_rss_mb },
      xlsx_detail: { ...xlsx, goal_rss_mb: GOALS.export_rss_mb },
      pdf_10k_rows: { ...pdf, goal_rss_mb: GOALS.pdf_rss_mb },
      goals_met:
        ratio <= GOALS.ratio &&
        csv.max_rss_mb < GOALS.export_rss_mb &&
        xlsx.max_rss_mb < GOALS.export_rss_mb &&
        pdf.max_rss_mb < GOALS.pdf_rss_mb,
    }
    // Run from .bench-build/bench: the results belong in the source tree's bench/results.
    const results = path.resolve(__dirname, "../../bench/results")
    fs.mkdirSync(results, { recursive: true })
    fs.writeFileSync(path.join(results, "reports.json"), JSON.stringify(result, null, 2) + "\n")
    console.log(`goals ${result.goals_met ? "met" : "NOT met"}; written to bench/results/reports.json`)
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
