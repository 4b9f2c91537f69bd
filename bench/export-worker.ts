/**
 * One report export in its own process, so its peak memory is its own:
 * prints { ms, max_rss_mb, bytes, rows } as JSON on stdout.
 */
import fs from "fs"
import knexFactory from "knex"
import { REPORTS } from "../src/reports/registry"
import { runReport } from "../src/reports/run-report"

async function main() {
  const [url, report, format, file, paramsJson] = process.argv.slice(2)
  const knex = knexFactory({ client: "pg", connection: url, pool: { min: 1, max: 2 } })
  const container: any = { hasRegistration: () => false, resolve: () => undefined }
  const out = fs.createWriteStream(file)
  const started = performance.now()
  await runReport((REPORTS as any)[report], JSON.parse(paramsJson), format as any, { knex: knex as any, container }, out)
  if (!out.writableFinished) {
    await new Promise<void>((r) => out.on("finish", () => r()))
  }
  const ms = performance.now() - started
  await knex.destroy()
  process.stdout.write(
    JSON.stringify({ ms: Math.round(ms), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), bytes: fs.statSync(file).size })
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
