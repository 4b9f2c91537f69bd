import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isIsoDate } from "../modules/accounting/rules/dates"
import { backfillOrders } from "../workflows/order-accounting/backfill"

/**
 * Posts the orders a store had before the plugin was installed.
 *
 *   npm run backfill -- [--since YYYY-MM-DD] [--dry-run] [--batch 200]
 *   npx medusa exec ./src/scripts/accounting-backfill.ts [since=YYYY-MM-DD] [dry-run] [batch=200]
 *
 * (`medusa exec` passes plain words only, so the options are also accepted
 * as `name=value` / `dry-run`.)
 * Idempotent: a second run posts nothing. From a store that installed the
 * package, run .medusa/server/src/scripts/accounting-backfill.js of the
 * package the same way (see README).
 */
export default async function accountingBackfill({ container, args = [] }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const arg = (name: string) => {
    for (const [i, a] of args.entries()) {
      const bare = a.replace(/^--/, "")
      if (bare === name) {
        return args[i + 1]
      }
      if (bare.startsWith(`${name}=`)) {
        return bare.slice(name.length + 1)
      }
    }
    return undefined
  }
  const since = arg("since")
  if (since !== undefined && !isIsoDate(since)) {
    throw new Error(`--since must be a date formatted YYYY-MM-DD, got "${since}"`)
  }
  const dryRun = args.some((a) => a.replace(/^--/, "") === "dry-run")
  const batch = Number(arg("batch") ?? 200)
  logger.info(
    `accounting backfill${dryRun ? " (dry run: nothing is written)" : ""}${since ? ` of orders since ${since}` : ""}`
  )
  const result = await backfillOrders(container, {
    since,
    dry_run: dryRun,
    batch_size: batch,
    onProgress: (p) =>
      logger.info(
        `backfill: ${p.orders}/${p.total} orders, ${p.entries} entries ${dryRun ? "to post" : "posted"}, ` +
          `${p.errors.length} errors, ${Math.round((p.orders * 10_000) / Math.max(1, p.elapsed_ms)) / 10} orders/s`
      ),
  })
  for (const error of result.errors) {
    logger.warn(`backfill: order ${error.order_id} not posted: ${error.message}`)
  }
  logger.info(
    `backfill done: ${result.orders} orders, ${result.entries} entries ${dryRun ? "would be posted" : "posted"}, ` +
      `${result.errors.length} errors in ${Math.round(result.elapsed_ms / 100) / 10} s`
  )
  return result
}
