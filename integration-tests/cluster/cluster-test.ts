import { readFileSync } from "fs"
import path from "path"
import net from "net"
import { Cluster, Instance, OwnRedis } from "./lib/cluster"
import { adminToken, ok, percentile, pool, range, request, Res, sleep, waitFor } from "./lib/http"
import {
  connect,
  Db,
  duplicateSources,
  journalCoverage,
  numberGaps,
  pendingPostingErrors,
  waitForJournal,
} from "./lib/ledger"
import { Report } from "./lib/report"
import {
  bearer,
  capture,
  issuedCreditMemo,
  Placed,
  placeAndCapture,
  placeOrder,
  refundBody,
  refundPayment,
  StoreData,
} from "./lib/store"

/**
 * The cluster test (npm run test:cluster, started by scripts/cluster/run.sh,
 * which builds the app, creates and migrates the database and writes the
 * store fixture): two servers and two workers on Medusa's Redis modules over
 * one database, driven over HTTP. Prints every check with its counts; exits
 * non-zero on any failure.
 */

const env = (name: string, fallback?: string) => {
  const value = process.env[name] ?? fallback
  if (value === undefined) {
    throw new Error(`${name} is not set (run through scripts/cluster/run.sh)`)
  }
  return value
}

const WORK = env("CLUSTER_WORK")
const DATABASE_URL = env("DATABASE_URL")
const REDIS_URL = env("CLUSTER_REDIS_URL")
const BASE = Number(env("CLUSTER_PORT_BASE", "9400"))
const ORDERS = Number(env("CLUSTER_ORDERS", "200"))
const FAILED_ORDERS = Number(env("CLUSTER_FAILED_ORDERS", "10"))
const BURST = Number(env("CLUSTER_BURST_ORDERS", "40"))
const OUTAGE_ORDERS = Number(env("CLUSTER_OUTAGE_ORDERS", "10"))
const ADMIN_EMAIL = env("CLUSTER_ADMIN_EMAIL", "admin@example.com")
const ADMIN_PASSWORD = env("CLUSTER_ADMIN_PASSWORD", "supersecret")
const SALES_ACCOUNT = "acct_4000"

const report = new Report()
const today = () => new Date().toISOString().slice(0, 10)

async function main() {
  const store: StoreData = JSON.parse(readFileSync(path.join(WORK, "store.json"), "utf8"))
  const cluster = new Cluster({
    serverDir: env("CLUSTER_SERVER_DIR"),
    workDir: WORK,
    env: {
      DATABASE_URL,
      DISABLE_ADMIN: "true",
      MEDUSA_DISABLE_TELEMETRY: "true",
      // Retry due postings every 5 s instead of every minute (the backoff stays 1 min).
      ACCOUNTING_RETRY_SCHEDULE: "*/5 * * * * *",
      // A refund posting whose process died is settled after 15 s instead of 15 min.
      ACCOUNTING_REFUND_LOCK_SECONDS: "15",
    },
  })
  const db = await connect(DATABASE_URL)
  try {
    await run(cluster, db, store)
  } finally {
    await cluster.stopAll()
    await db.end()
  }
}

async function run(cluster: Cluster, db: Db, store: StoreData) {
  const { servers, workers } = cluster.defineServersAndWorkers(BASE, REDIS_URL)
  const [s1, s2] = servers
  const [w1, w2] = workers

  report.log(
    `starting 2 servers (${s1.port}, ${s2.port}) and 2 workers (${w1.port}, ${w2.port}) on ${REDIS_URL}`
  )
  const deadPort = BASE + 99
  const [, deadRedis] = await Promise.all([
    Promise.all([...servers, ...workers].map((i) => cluster.start(i))),
    redisUnreachableAtStart(cluster, deadPort),
  ])
  report.check(
    "Redis unreachable at start",
    deadRedis.refused && deadRedis.namesRedisUrl,
    deadRedis.refused
      ? `an instance with REDIS_URL=redis://127.0.0.1:${deadPort} exited with code ${deadRedis.code} after ${deadRedis.seconds} s; ` +
          (deadRedis.namesRedisUrl
            ? `its log says: "${deadRedis.message}"`
            : "its log does not name REDIS_URL")
      : `it did not exit within ${deadRedis.seconds} s`
  )

  const admin = await adminToken(s1.url, ADMIN_EMAIL, ADMIN_PASSWORD)
  const auth = { headers: bearer(admin) }
  const serverFor = (i: number) => servers[i % 2]
  const all: Placed[] = []

  // ---------------------------------------------------------------------------
  // A. Failed postings: the sales account inactive while orders come in.
  // ---------------------------------------------------------------------------
  await ok(s1.url, "POST", `/admin/accounting/accounts/${SALES_ACCOUNT}`, {
    ...auth,
    body: { active: false },
  })
  const failed = await pool(range(FAILED_ORDERS), 4, (i) =>
    placeOrder(serverFor(i).url, store, admin, { email: `failing-${i}@example.com` })
  )
  all.push(...failed)
  const failedIds = failed.map((o) => o.order_id)
  const recorded = await waitFor(
    `${FAILED_ORDERS} posting errors`,
    async () => {
      const { rows } = await db.query(
        `select source_id, code, attempts from accounting_posting_error
          where source_type = 'order' and source_id = any($1) and status = 'pending'`,
        [failedIds]
      )
      return rows.length === FAILED_ORDERS ? rows : null
    },
    { timeoutMs: 90_000 }
  )
  const listed = await ok(s2.url, "GET", "/admin/accounting/posting-errors?status=pending&limit=100", auth)
  report.check(
    "failed postings recorded",
    recorded.every((r: any) => r.code === "ACCOUNT_INACTIVE" && Number(r.attempts) === 1) &&
      listed.body.count === FAILED_ORDERS,
    `${recorded.length} orders placed while account 4000 was inactive -> ${listed.body.count} pending posting errors ` +
      `(GET /admin/accounting/posting-errors), codes ${[...new Set(recorded.map((r: any) => r.code))].join(",")}`
  )
  await ok(s2.url, "POST", `/admin/accounting/accounts/${SALES_ACCOUNT}`, { ...auth, body: { active: true } })
  report.log("account 4000 active again; the retry job takes the errors once their 1-minute backoff is over")

  // ---------------------------------------------------------------------------
  // B. Orders through both servers: place (store API), capture, some refunds.
  // ---------------------------------------------------------------------------
  const started = Date.now()
  let refunds = 0
  const placed = await pool(range(ORDERS), 8, async (i) => {
    const order = await placeAndCapture(serverFor(i).url, serverFor(i + 1).url, store, admin, {
      email: `shopper-${i % 25}@example.com`,
      quantity: 1 + (i % 3),
    })
    if (i % 10 === 5) {
      await refundPayment(serverFor(i).url, admin, order.payment_id, 5)
      refunds += 1
    }
    return order
  })
  all.push(...placed)
  const seconds = (Date.now() - started) / 1000
  report.check(
    "orders placed and captured over HTTP",
    placed.length === ORDERS,
    `${placed.length} orders (store API, pp_system_default) and ${placed.length} captures, ${refunds} payment refunds, ` +
      `alternating ${s1.port}/${s2.port}, in ${seconds.toFixed(0)} s (${(placed.length / seconds).toFixed(1)} orders/s)`
  )

  // ---------------------------------------------------------------------------
  // C. The posting-retry job (both workers running) resolves each error once.
  // ---------------------------------------------------------------------------
  await waitFor(
    "the retry job to resolve the failed postings",
    async () => {
      const { rows } = await db.query(
        `select count(*)::int as n from accounting_posting_error
          where source_id = any($1) and status = 'resolved'`,
        [failedIds]
      )
      return rows[0].n === FAILED_ORDERS
    },
    { timeoutMs: 180_000, intervalMs: 1_000 }
  )
  const { rows: retried } = await db.query(
    `select e.source_id, e.origin, p.attempts
       from accounting_journal_entry e
       join accounting_posting_error p on p.source_id = e.source_id and p.source_type = 'order'
      where e.source_type = 'order' and e.source_kind = 'placed' and e.source_id = any($1)`,
    [failedIds]
  )
  const claims = workers.flatMap((w) =>
    cluster
      .logRecords(w)
      .map((r) => /accounting-retry-postings: claimed (\d+), resolved (\d+)/.exec(r.message ?? ""))
      .filter((m): m is RegExpExecArray => !!m)
      .map((m) => ({ worker: w.name, claimed: Number(m[1]), resolved: Number(m[2]) }))
  )
  const claimed = claims.reduce((s, c) => s + c.claimed, 0)
  const resolvedByJob = claims.reduce((s, c) => s + c.resolved, 0)
  report.check(
    "retry job processes each failed posting once",
    retried.length === FAILED_ORDERS &&
      retried.every((r: any) => r.origin === "retry" && Number(r.attempts) === 1) &&
      claimed === FAILED_ORDERS &&
      resolvedByJob === FAILED_ORDERS,
    `${retried.length} placements posted by origin "retry"; job runs claimed ${claimed} and resolved ${resolvedByJob} ` +
      `in ${claims.length} run(s) on ${[...new Set(claims.map((c) => c.worker))].join(" + ") || "no worker"}; attempts stay 1`
  )
  await pool(failed, 4, (o, i) => capture(serverFor(i).url, admin, o.payment_id))

  // ---------------------------------------------------------------------------
  // D. Every order, capture and refund in the journal exactly once; AR ties out.
  // ---------------------------------------------------------------------------
  await settleAndVerify("orders", db, all, servers[0], auth)

  // ---------------------------------------------------------------------------
  // E. 50 concurrent refund posts against one customer's credits.
  // ---------------------------------------------------------------------------
  await concurrentRefunds(db, store, servers, admin)

  // ---------------------------------------------------------------------------
  // E2. A server SIGKILLed after a refund paid out, before it was booked.
  // ---------------------------------------------------------------------------
  await refundKilledMidBooking(cluster, db, store, servers, admin)

  // ---------------------------------------------------------------------------
  // F. A worker SIGKILLed in the middle of a burst of orders, then restarted.
  // ---------------------------------------------------------------------------
  const killed = await workerKilledMidBurst(cluster, db, store, servers, w1, admin)
  all.push(...killed)
  await settleAndVerify("after the worker kill", db, all, servers[1], auth)

  // ---------------------------------------------------------------------------
  // G. Redis lost while running (a redis-server of our own), then back.
  // ---------------------------------------------------------------------------
  report.log("stopping the 4 instances (SIGTERM)")
  const outage = await redisLost(cluster, db, store, admin, cluster.stopAll())
  all.push(...outage.orders)

  // ---------------------------------------------------------------------------
  // H. An event lost for good (deleted from Redis): the sweep job posts it.
  // ---------------------------------------------------------------------------
  all.push(await lostEventSwept(cluster, db, store, admin, outage))
  await settleAndVerify("final", db, all, outage.server, auth, { final: true })
  await cluster.stopAll()
  await outage.redis.stop()
}

/**
 * A capture whose payment.captured event never reaches a worker (removed
 * from the queue while no worker runs), on an order last updated an hour
 * ago: the sweep job (every 5 s here) must still post it.
 */
async function lostEventSwept(
  cluster: Cluster,
  db: Db,
  store: StoreData,
  admin: string,
  { server, worker, redis }: { server: Instance; worker: Instance; redis: OwnRedis }
): Promise<Placed> {
  const order = await placeOrder(server.url, store, admin, { email: "lost-event@example.com" })
  await waitFor("the placement to be posted", async () => {
    const { rows } = await db.query(
      `select 1 from accounting_journal_entry where source_type = 'order' and source_id = $1`,
      [order.order_id]
    )
    return rows.length > 0
  })
  // As if it had been placed an hour ago: outside the sweep's window of updated orders.
  await db.query(`update "order" set updated_at = now() - interval '1 hour' where id = $1`, [order.order_id])
  await cluster.kill(worker, "SIGTERM")
  await capture(server.url, admin, order.payment_id)
  const removed = await removeQueuedEvents(redis.url, "payment.captured")
  const { rows: captures } = await db.query(`select id from capture where payment_id = $1`, [
    order.payment_id,
  ])

  const sweeper = cluster.define("worker-4", "worker", BASE + 23, redis.url)
  cluster.spawn(sweeper, { ACCOUNTING_SWEEP_SCHEDULE: "*/5 * * * * *" })
  await cluster.waitHealthy(sweeper)
  const started = Date.now()
  const posted = await waitFor(
    "the sweep to post the capture",
    async () => {
      const { rows } = await db.query(
        `select origin from accounting_journal_entry where source_type = 'capture' and source_id = $1`,
        [captures[0]?.id]
      )
      return rows.length ? rows : null
    },
    { timeoutMs: 90_000, intervalMs: 1_000 }
  ).catch(() => [] as any[])
  report.check(
    "lost event: the sweep job posts it",
    removed === 1 && posted.length === 1 && posted[0].origin === "sweep",
    `payment.captured of an order last updated an hour ago removed from the queue (${removed} job); ` +
      (posted.length
        ? `capture posted once by origin "${posted[0].origin}" ${((Date.now() - started) / 1000).toFixed(0)} s after a sweeping worker started`
        : "capture NOT posted within 90 s")
  )
  return order
}

/** Deletes the waiting jobs of an event from the event bus queue (a lost event). */
async function removeQueuedEvents(url: string, name: string): Promise<number> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Queue } = require("bullmq")
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Redis = require("ioredis")
  const connection = new Redis(url, { maxRetriesPerRequest: null })
  const queue = new Queue("events-queue", { prefix: "RedisEventBusService", connection })
  try {
    const jobs: any[] = await waitFor(
      `a queued ${name} event`,
      async () => {
        const all: any[] = await queue.getJobs(["wait", "prioritized", "paused", "delayed"])
        const matching = all.filter((j) => j?.name === name)
        return matching.length ? matching : null
      },
      { timeoutMs: 10_000, intervalMs: 200 }
    )
    for (const job of jobs) {
      await job.remove()
    }
    return jobs.length
  } catch {
    return 0
  } finally {
    await queue.close()
    connection.disconnect()
  }
}

/** An instance whose REDIS_URL points at a port nothing listens on must refuse to start. */
async function redisUnreachableAtStart(cluster: Cluster, port: number) {
  const listening = await new Promise<boolean>((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port }, () => (s.destroy(), resolve(true)))
    s.once("error", () => resolve(false))
  })
  if (listening) {
    throw new Error(`port ${port} is in use; set CLUSTER_PORT_BASE to a free range`)
  }
  const instance = cluster.define("dead-redis", "server", BASE + 31, `redis://127.0.0.1:${port}`)
  const started = Date.now()
  cluster.spawn(instance)
  const code = await Promise.race([instance.exited!, sleep(90_000).then(() => "timeout" as const)])
  const seconds = Math.round((Date.now() - started) / 1000)
  if (code === "timeout") {
    await cluster.kill(instance, "SIGKILL")
    return { refused: false, namesRedisUrl: false, code: null, seconds, message: "" }
  }
  const log = readFileSync(instance.log, "utf8")
  const line = log.split("\n").find((l) => l.includes("REDIS_URL")) ?? ""
  let message = line
  try {
    message = JSON.parse(line).message
  } catch {
    // plain text line
  }
  return { refused: code !== 0, namesRedisUrl: !!line, code, seconds, message: message.slice(0, 220) }
}

/** Polls until every source of `orders` is posted, then checks exactly-once and the reconciliation. */
async function settleAndVerify(
  label: string,
  db: Db,
  orders: Placed[],
  server: Instance,
  auth: { headers: Record<string, string> },
  { final = false } = {}
) {
  const ids = orders.map((o) => o.order_id)
  const started = Date.now()
  // On a timeout: reported below with what is missing.
  const coverage = await waitForJournal(db, ids, { timeoutMs: 240_000, intervalMs: 1_000 })
  const settled = ((Date.now() - started) / 1000).toFixed(0)
  const duplicates = await duplicateSources(db)
  const pending = await pendingPostingErrors(db)
  report.check(
    `journal exactly once (${label})`,
    coverage.missing.length === 0 && coverage.duplicated.length === 0 && duplicates.length === 0,
    `${coverage.orders} orders, ${coverage.captures} captures, ${coverage.refunds} payment refunds: ` +
      `${coverage.missing.length} missing, ${coverage.duplicated.length + duplicates.length} duplicated ` +
      `(settled ${settled} s after the last request)` +
      (coverage.missing.length ? `; missing e.g. ${coverage.missing.slice(0, 3).join(", ")}` : "") +
      (duplicates.length ? `; duplicated ${duplicates.slice(0, 3).join(", ")}` : "")
  )
  report.check(
    `no pending posting errors (${label})`,
    pending.length === 0,
    pending.length
      ? pending
          .slice(0, 3)
          .map((p: any) => `${p.source_id} ${p.code}: ${p.message}`)
          .join("; ")
      : "GET /admin/accounting/posting-errors?status=pending lists none"
  )
  const { body: recon } = await ok(
    server.url,
    "GET",
    "/admin/accounting/reports/reconciliation?format=json",
    auth
  )
  const ar = recon.sections?.[0]?.totals?.find((t: any) => t.currency_code === "usd")
  const payments = recon.sections?.[1]?.totals?.find((t: any) => t.currency_code === "usd")
  // On a failure, what the report counted, so the log says why.
  const differing = (recon.sections ?? []).flatMap((s: any) =>
    [...(s.rows ?? []), ...(s.totals ?? [])]
      .filter((r: any) => r.difference !== undefined && r.difference !== null && Number(r.difference) !== 0)
      .map((r: any) => `${s.name}: ${r.check} ${r.currency_code ?? ""} ${r.document ?? ""} ${r.reference ?? ""} ` +
        `expected ${r.expected} booked ${r.actual} (${r.note ?? ""})`)
  )
  report.check(
    `AR subledger = AR control (${label})`,
    recon.reconciled === true && Number(ar?.difference) === 0,
    `reconciliation report: ${recon.reconciled ? "RECONCILED" : `${recon.differences} difference(s): ${differing.join("; ")}`}; ` +
      `AR subledger ${ar?.expected} = control ${ar?.actual}; Medusa net captured ${payments?.expected} = booked ${payments?.actual}`
  )
  const { body: chain } = await ok(server.url, "GET", "/admin/accounting/journal-entries/verify", auth)
  const je = await numberGaps(db, "accounting_journal_entry", "number is not null and status <> 'draft'")
  report.check(
    `journal chain and numbering (${label})`,
    chain.valid === true && je.duplicates === 0 && je.gaps === 0,
    `hash chain ${chain.valid ? "intact" : `BROKEN (${chain.reason})`} over ${chain.checked} entries; ` +
      `numbers ${je.first}..${je.last}: ${je.duplicates} duplicates, ${je.gaps} gaps`
  )
  if (final) {
    const rf = await numberGaps(db, "accounting_customer_refund", "number is not null")
    const { rows } = await db.query(
      `select status, count(*)::int as n from accounting_customer_refund where deleted_at is null group by status`
    )
    const byStatus = Object.fromEntries(rows.map((r: any) => [r.status, r.n]))
    report.check(
      "refunds overall",
      rf.duplicates === 0 && rf.gaps === 0 && !byStatus.posting && !byStatus.draft,
      `${rf.count} posted refunds ${rf.first}..${rf.last}, ${rf.gaps} gaps, ${rf.duplicates} duplicates; ` +
        `${byStatus.posting ?? 0} stuck in posting, ${byStatus.draft ?? 0} drafts left`
    )
  }
}

async function concurrentRefunds(db: Db, store: StoreData, servers: Instance[], admin: string) {
  const customer = store.customers[0].id
  const date = today()
  const memos = [
    {
      id: await issuedCreditMemo(servers[0].url, admin, { customer_id: customer, amount: "150", date }),
      amount: 150,
    },
    {
      id: await issuedCreditMemo(servers[1].url, admin, { customer_id: customer, amount: "100", date }),
      amount: 100,
    },
  ]
  // 50 posts of 10.00: 25 with an Idempotency-Key (5 of those keys sent twice), 25 without.
  type Post = { i: number; memo: number; key?: string; duplicateOf?: number; server: Instance }
  const posts: Post[] = range(50).map((i) => {
    const keyed = i < 25
    const duplicateOf = keyed && i >= 20 ? i - 20 : undefined
    return {
      i,
      memo: i % 2,
      key: keyed ? `cluster-refund-${duplicateOf ?? i}` : undefined,
      duplicateOf,
      // A duplicate goes to the other server than its original.
      server: servers[(i + (duplicateOf !== undefined ? 1 : 0)) % 2],
    }
  })
  const results: (Res & { post: Post })[] = await Promise.all(
    posts.map(async (post) => {
      const res = await request(post.server.url, "POST", "/admin/customer-refunds", {
        headers: { ...bearer(admin), ...(post.key && { "Idempotency-Key": post.key }) },
        body: refundBody(customer, memos[post.memo].id, "10", date),
        timeoutMs: 120_000,
      })
      return { ...res, post }
    })
  )
  const statuses = countBy(results.map((r) => `${r.status}${r.body?.code ? ` ${r.body.code}` : ""}`))
  const unexpected = results.filter(
    (r) => !(r.status === 200 || (r.status === 422 && r.body?.code === "REFUND_EXCEEDS_CREDIT"))
  )
  report.check(
    "refund posts answered 200 or 422 REFUND_EXCEEDS_CREDIT",
    unexpected.length === 0,
    `${results.length} concurrent posts over ${servers.map((s) => s.port).join("/")}: ` +
      Object.entries(statuses)
        .map(([k, n]) => `${n} x ${k}`)
        .join(", ") +
      (unexpected.length ? `; unexpected: ${JSON.stringify(unexpected[0].body).slice(0, 300)}` : "")
  )
  const duplicates = results.filter((r) => r.post.duplicateOf !== undefined)
  const replayOk = duplicates.every((d) => {
    const original = results.find((r) => r.post.i === d.post.duplicateOf)!
    return original.status === 200
      ? d.status === 200 && d.body.customer_refund.id === original.body.customer_refund.id
      : d.status === 422
  })
  const replayed = duplicates.filter((d) => d.headers.get("idempotent-replayed") === "true").length
  report.check(
    "duplicate Idempotency-Keys",
    replayOk,
    `${duplicates.length} keys sent twice (to both servers): same answer each time, ${replayed} answered as replays`
  )
  const { rows } = await db.query(
    `select r.number, r.status, r.total, l.source_id
       from accounting_customer_refund r join accounting_customer_refund_line l on l.refund_id = r.id
      where r.customer_id = $1 and r.deleted_at is null and l.deleted_at is null`,
    [customer]
  )
  const okIds = new Set(results.filter((r) => r.status === 200).map((r) => r.body.customer_refund.id))
  const perMemo = memos.map((m) => ({
    ...m,
    refunded: rows
      .filter((r: any) => r.source_id === m.id && r.status === "posted")
      .reduce((s: number, r: any) => s + Number(r.total), 0),
  }))
  const numbers = await numberGaps(db, "accounting_customer_refund", "number is not null")
  const { rows: entries } = await db.query(
    `select count(*)::int as n from accounting_journal_entry e join accounting_customer_refund r on r.id = e.source_id
      where e.source_type = 'customer_refund' and r.customer_id = $1`,
    [customer]
  )
  const leftovers = rows.filter((r: any) => r.status !== "posted").length
  report.check(
    "zero over-refund",
    perMemo.every((m) => m.refunded === m.amount) && rows.length === okIds.size && leftovers === 0,
    perMemo.map((m) => `memo of ${m.amount}: refunded ${m.refunded}`).join(", ") +
      `; ${rows.length} refunds posted = ${okIds.size} distinct refunds answered 200; ${leftovers} drafts/posting left`
  )
  report.check(
    "refund numbers unique and gap-free",
    numbers.duplicates === 0 &&
      numbers.gaps === 0 &&
      numbers.count === okIds.size &&
      entries[0].n === okIds.size,
    `${numbers.first}..${numbers.last}: ${numbers.count} numbers, ${numbers.duplicates} duplicates, ${numbers.gaps} gaps; ` +
      `${entries[0].n} journal entries`
  )
  const latencies = results.map((r) => r.ms)
  report.log(
    `refund post latency under 50 concurrent: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`
  )
}

/**
 * Money moves once across a crash: a store-credit refund is posted on one
 * server while the journal is locked, so its booking waits after the store
 * credit was granted (money_moved); the server is SIGKILLed there. The
 * reconciliation names the refund left half-way; the posting-retry job on a
 * worker settles it by reading the loyalty plugin back and books it once.
 */
async function refundKilledMidBooking(cluster: Cluster, db: Db, store: StoreData, servers: Instance[], admin: string) {
  const [victim, survivor] = servers
  const auth = { headers: bearer(admin) }
  const customer = store.customers[2].id
  const memo = await issuedCreditMemo(survivor.url, admin, { customer_id: customer, amount: "20", date: today() })
  const credits = async () =>
    (
      await db.query(
        `select count(*)::int as n from store_credit_account_transaction t join store_credit_account a on a.id = t.account_id
          where a.customer_id = $1 and t.type = 'credit' and t.deleted_at is null`,
        [customer]
      )
    ).rows[0].n as number
  const lock = await connect(DATABASE_URL)
  let refundId = ""
  try {
    await lock.query("begin")
    await lock.query("lock table accounting_journal_entry in share row exclusive mode")
    const posting = request(victim.url, "POST", "/admin/customer-refunds", {
      ...auth,
      body: { ...refundBody(customer, memo, "20", today()), method: "store_credit", reference: "cluster-kill" },
      timeoutMs: 120_000,
    }).catch(() => null)
    const stuck = await waitFor(
      `${victim.name} to wait on the journal after the payout`,
      async () => {
        const { rows } = await db.query(
          `select r.id from accounting_customer_refund r
            where r.reference = 'cluster-kill' and r.status = 'money_moved'
              and exists (select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock')`,
          [victim.name]
        )
        return rows[0]?.id ?? null
      },
      { timeoutMs: 60_000, intervalMs: 100 }
    )
    refundId = stuck
    report.log(`SIGKILL ${victim.name} while refund ${refundId} (store credit granted) waited to be booked`)
    await cluster.kill(victim, "SIGKILL")
    await posting
  } finally {
    await lock.query("commit")
    await lock.end()
  }
  const { body: halfway } = await ok(survivor.url, "GET", "/admin/accounting/reports/reconciliation?format=json", auth)
  const named = JSON.stringify(halfway.sections).includes("Refund paid, not booked")
  const killedAt = Date.now()
  const posted = await waitFor(
    "the retry job to book the refund",
    async () => {
      const { rows } = await db.query(`select status, number from accounting_customer_refund where id = $1`, [refundId])
      return rows[0]?.status === "posted" ? rows[0] : null
    },
    { timeoutMs: 120_000, intervalMs: 1_000 }
  ).catch(() => null)
  const { rows: entries } = await db.query(
    `select count(*)::int as n from accounting_journal_entry where source_type = 'customer_refund' and source_id = $1`,
    [refundId]
  )
  const { rows: memoDoc } = await db.query(
    `select open_amount::text as open from accounting_ar_document where doc_type = 'credit_memo' and source_id = $1`,
    [memo]
  )
  const granted = await credits()
  report.check(
    "server SIGKILLed after a payout: booked once, never paid twice",
    !halfway.reconciled && named && !!posted && entries[0].n === 1 && granted === 1 && memoDoc[0]?.open === "0",
    `reconciliation while half-way: ${halfway.reconciled ? "RECONCILED" : `${halfway.differences} difference(s)`}, ` +
      `${named ? "names" : "does NOT name"} the refund paid and not booked; ` +
      (posted ? `booked as ${posted.number} by the retry job ${((Date.now() - killedAt) / 1000).toFixed(0)} s after the kill` : "NOT booked within 120 s") +
      `; ${entries[0].n} journal entry, ${granted} store-credit grant(s), memo open ${memoDoc[0]?.open}`
  )
  await cluster.start(victim)
}

async function workerKilledMidBurst(
  cluster: Cluster,
  db: Db,
  store: StoreData,
  servers: Instance[],
  victim: Instance,
  admin: string
) {
  const before = await queueState()
  let done = 0
  let killedAt = 0
  let killedAfterDone = 0
  let inFlight: string[] = []
  const killAfter = Math.floor(BURST / 3)
  const burst = pool(range(BURST), 6, async (i) => {
    const order = await placeAndCapture(servers[i % 2].url, servers[(i + 1) % 2].url, store, admin, {
      email: `burst-${i % 10}@example.com`,
    })
    done += 1
    if (done === killAfter) {
      // Make sure the victim is in the middle of a posting when it dies: hold
      // the journal table until its transaction waits on it, then kill it.
      const lock = await connect(DATABASE_URL)
      try {
        await lock.query("begin")
        await lock.query("lock table accounting_journal_entry in share row exclusive mode")
        const blocked = await waitFor(
          `${victim.name} to be inside a posting`,
          async () => {
            const { rows } = await db.query(
              `select pid from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'`,
              [victim.name]
            )
            return rows.length ? rows : null
          },
          { timeoutMs: 60_000, intervalMs: 100 }
        )
        inFlight = processingAtKill(cluster, victim)
        killedAt = Date.now()
        killedAfterDone = done
        report.log(
          `SIGKILL ${victim.name} (pid ${victim.child?.pid}) after ${done}/${BURST} orders, while its posting ` +
            `transaction (backend ${blocked[0].pid}) waited on the journal`
        )
        await cluster.kill(victim, "SIGKILL")
      } finally {
        await lock.query("commit")
        await lock.end()
      }
    }
    return order
  })
  const orders = await burst
  report.log(`burst done; restarting ${victim.name}`)
  await cluster.start(victim)
  const ids = orders.map((o) => o.order_id)
  // The dead worker's job stays "active" until its lock (30 s) expires and a
  // live worker's stalled-job check (every 30 s) moves it back to the queue.
  const redeliveredAfter = await waitFor(
    "BullMQ to move the dead worker's job back to the queue",
    async () => ((await queueState()).stalled > before.stalled ? (Date.now() - killedAt) / 1000 : null),
    { timeoutMs: 180_000, intervalMs: 1_000 }
  ).catch(() => null)
  await waitFor(
    "the burst to be posted and the queue to be idle",
    async () => {
      const c = await journalCoverage(db, ids)
      return c.missing.length === 0 && (await queueState()).active === 0
    },
    { timeoutMs: 180_000, intervalMs: 1_000 }
  ).catch(() => undefined)
  const settledAfter = ((Date.now() - killedAt) / 1000).toFixed(0)
  const after = await queueState()
  const coverage = await journalCoverage(db, ids)
  const { rows: errors } = await db.query(
    `select count(*)::int as n from accounting_posting_error where source_id = any($1)`,
    [ids]
  )
  report.check(
    "worker SIGKILLed mid-burst: no event lost, none posted twice",
    coverage.missing.length === 0 &&
      coverage.duplicated.length === 0 &&
      errors[0].n === 0 &&
      redeliveredAfter !== null &&
      after.failed === before.failed,
    `${orders.length} orders + ${coverage.captures} captures while ${victim.name} was killed after ${killedAfterDone} and restarted: ` +
      `${coverage.missing.length} missing, ${coverage.duplicated.length} duplicated, ${errors[0].n} posting errors; ` +
      `in flight at the kill: ${inFlight.length ? inFlight.join(" | ") : "(unknown)"}; ` +
      (redeliveredAfter !== null
        ? `BullMQ moved ${after.stalled - before.stalled} stalled job(s) back to the queue ${redeliveredAfter.toFixed(0)} s after the kill`
        : "BullMQ did NOT move the dead worker's job back within 180 s") +
      `, ${after.failed - before.failed} failed; all posted and the queue idle ${settledAfter} s after the kill`
  )
  return orders
}

/** The last event the victim started processing (its log), to report what was in flight. */
function processingAtKill(cluster: Cluster, victim: Instance): string[] {
  const records = cluster.logRecords(victim).filter((r) => /^Processing /.test(r.message ?? ""))
  return records.slice(-1).map((r) => `"${r.message}" (${r.timestamp})`)
}

/**
 * The event bus queue in Redis: "stalled" events BullMQ logged (jobs of a dead
 * worker moved back), jobs active now, jobs failed.
 */
async function queueState(url = REDIS_URL): Promise<{ stalled: number; active: number; failed: number }> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Redis = require("ioredis")
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 })
  const key = "RedisEventBusService:events-queue"
  try {
    await redis.connect()
    const entries: [string, string[]][] = await redis.xrange(`${key}:events`, "-", "+")
    return {
      stalled: entries.filter(([, fields]) => fields[0] === "event" && fields[1] === "stalled").length,
      active: await redis.llen(`${key}:active`),
      failed: await redis.zcard(`${key}:failed`),
    }
  } finally {
    redis.disconnect()
  }
}

async function redisLost(cluster: Cluster, db: Db, store: StoreData, admin: string, stopping: Promise<void>) {
  const redis = new OwnRedis(BASE + 90, path.join(WORK, "redis-outage"))
  redis.start()
  await redis.waitUp()
  const server = cluster.define("server-3", "server", BASE + 21, redis.url)
  const worker = cluster.define("worker-3", "worker", BASE + 22, redis.url)
  await Promise.all([cluster.start(server), cluster.start(worker), stopping])
  report.log(`own redis-server on ${redis.port} (AOF on); ${server.name} and ${worker.name} use it`)

  const customer = store.customers[1].id
  const date = today()
  const memo = await issuedCreditMemo(server.url, admin, { customer_id: customer, amount: "50", date })
  const before = await ok(server.url, "POST", "/admin/customer-refunds", {
    headers: bearer(admin),
    body: refundBody(customer, memo, "10", date),
  })

  // Events pile up in Redis: the worker is paused (SIGSTOP) while orders come in.
  process.kill(-worker.child!.pid!, "SIGSTOP")
  const orders = await pool(range(OUTAGE_ORDERS), 4, (i) =>
    placeAndCapture(server.url, server.url, store, admin, { email: `outage-${i}@example.com` })
  )
  const ids = orders.map((o) => o.order_id)
  const waiting = (await journalCoverage(db, ids)).missing.length
  const { rows: refundsBefore } = await db.query(
    `select count(*)::int as n from accounting_customer_refund where deleted_at is null`
  )
  const { rows: entriesBefore } = await db.query(`select count(*)::int as n from accounting_journal_entry`)

  await redis.stop()
  process.kill(-worker.child!.pid!, "SIGCONT")
  report.log(`redis-server stopped with ${waiting} postings' events queued in it; worker resumed`)

  const attempts = await Promise.all(
    range(3).map(async () => {
      try {
        return await request(server.url, "POST", "/admin/customer-refunds", {
          headers: bearer(admin),
          body: refundBody(customer, memo, "10", date),
          timeoutMs: 90_000,
        })
      } catch (e: any) {
        return { status: 0, body: { message: e.message }, ms: 0 } as Res
      }
    })
  )
  const { rows: refundsDuring } = await db.query(
    `select status, count(*)::int as n from accounting_customer_refund where deleted_at is null group by status`
  )
  const { rows: entriesDuring } = await db.query(`select count(*)::int as n from accounting_journal_entry`)
  const total = refundsDuring.reduce((s: number, r: any) => s + r.n, 0)
  report.check(
    "Redis lost: refund posts answer 503 SERVICE_UNAVAILABLE",
    attempts.every((a) => a.status === 503 && a.body?.code === "SERVICE_UNAVAILABLE"),
    attempts.map((a) => `${a.status} ${a.body?.code ?? ""} in ${(a.ms / 1000).toFixed(1)} s`).join(", ") +
      ` ("${attempts[0].body?.message}")`
  )
  report.check(
    "Redis lost: nothing half-posted",
    total === refundsBefore[0].n &&
      !refundsDuring.some((r: any) => r.status === "posting" || r.status === "draft") &&
      entriesDuring[0].n === entriesBefore[0].n,
    `refunds ${refundsBefore[0].n} before, ${total} after the failed posts (${refundsDuring
      .map((r: any) => `${r.n} ${r.status}`)
      .join(", ")}); journal entries ${entriesBefore[0].n} -> ${entriesDuring[0].n}`
  )

  await sleep(3_000)
  redis.start()
  await redis.waitUp()
  const outageStarted = Date.now()
  const alive = server.child!.exitCode === null && worker.child!.exitCode === null
  const coverage = await waitForJournal(db, ids, { timeoutMs: 180_000, intervalMs: 1_000 })
  report.check(
    "Redis back: queued events processed",
    alive && coverage.missing.length === 0 && coverage.duplicated.length === 0,
    `${server.name} and ${worker.name} ${alive ? "kept running" : "DIED"}; ${OUTAGE_ORDERS} orders + ${coverage.captures} captures ` +
      `waiting in Redis: ${coverage.missing.length} missing, ${coverage.duplicated.length} duplicated, ` +
      `posted within ${((Date.now() - outageStarted) / 1000).toFixed(0)} s`
  )
  const after = await request(server.url, "POST", "/admin/customer-refunds", {
    headers: bearer(admin),
    body: refundBody(customer, memo, "10", date),
  })
  report.check(
    "Redis back: refund posts work again",
    before.status === 200 && after.status === 200,
    `before the outage ${before.body.customer_refund?.number}, after it ${after.status} ${after.body.customer_refund?.number ?? JSON.stringify(after.body).slice(0, 200)}`
  )
  return { orders, server, worker, redis }
}

function countBy(values: string[]) {
  return values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {})
}

main()
  .then(() => {
    report.summary("cluster test")
    if (report.failed.length) {
      console.error(`\nCLUSTER TEST FAILED: ${report.failed.map((c) => c.name).join("; ")}`)
      process.exit(1)
    }
    console.log("\nCLUSTER TEST PASSED")
    process.exit(0)
  })
  .catch((e) => {
    report.summary("cluster test (aborted)")
    console.error(`\nCLUSTER TEST FAILED: ${e?.stack ?? e}`)
    process.exit(1)
  })
