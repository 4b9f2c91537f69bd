import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
import { spawnSync } from "child_process"
import path from "path"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/**
 * The standalone app used for development, the demo and the tests. It loads
 * the accounting module by path (the root package is the plugin: listing it
 * under `plugins` would load it twice). A store installing the plugin uses
 * `plugins: ["medusa-accounting-ar"]` instead; see README.md.
 */

const redisUrl = process.env.REDIS_URL
const workerMode = (process.env.MEDUSA_WORKER_MODE ?? "shared") as "shared" | "worker" | "server"

/**
 * With REDIS_URL set, Redis is required: without this check `medusa start`
 * retries for ~10 s and exits with an ioredis message that names neither
 * REDIS_URL nor the address (docs/DEPLOYMENT.md). Runs for the commands that
 * run the app (start, develop, exec); REDIS_STARTUP_CHECK=false skips it.
 */
function assertRedisReachable(url: string, timeoutMs = Number(process.env.REDIS_STARTUP_TIMEOUT_MS ?? 5000)) {
  const probe = `
    const u = new URL(process.argv[1]); const deadline = Date.now() + Number(process.argv[2]);
    const lib = require(u.protocol === "rediss:" ? "tls" : "net");
    const attempt = () => {
      const s = lib.connect({ host: u.hostname || "127.0.0.1", port: Number(u.port || 6379), servername: u.hostname }, () => s.write("PING\\r\\n"));
      s.setTimeout(2000, () => s.destroy(Object.assign(new Error("no answer"), { code: "ETIMEDOUT" })));
      s.once("data", (d) => process.exit(/^[+-]/.test(String(d)) ? 0 : 1));
      s.once("error", (e) => Date.now() < deadline ? setTimeout(attempt, 500) : (process.stderr.write(e.code || e.message), process.exit(1)));
    };
    attempt();`
  const { status, stderr } = spawnSync(process.execPath, ["-e", probe, url, String(timeoutMs)], {
    encoding: "utf8",
    timeout: timeoutMs + 5000,
  })
  if (status !== 0) {
    const shown = url.replace(/\/\/([^@/]*)@/, "//***@")
    throw new Error(
      `REDIS_URL is set to ${shown} but Redis does not answer there (${stderr?.trim() || "timeout"}). ` +
        `Start Redis or fix REDIS_URL; unset REDIS_URL to run without Medusa's Redis modules.`
    )
  }
}

const command = process.argv.slice(2).find((a) => !a.startsWith("-"))
if (
  redisUrl &&
  process.env.REDIS_STARTUP_CHECK !== "false" &&
  ["start", "develop", "exec"].includes(command ?? "")
) {
  assertRedisReachable(redisUrl)
}

// Medusa's production modules, used when REDIS_URL is set (docs/DEPLOYMENT.md).
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: {
          redisUrl,
          // Events one worker handles at once (BullMQ's default is one at a time). A posting mostly
          // waits on PostgreSQL and Redis; our locks are per order and per credit, so any number is safe.
          workerOptions: { concurrency: Number(process.env.EVENT_BUS_CONCURRENCY || 1) },
        },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { redisUrl } },
      },
      {
        key: Modules.CACHE,
        resolve: "@medusajs/medusa/cache-redis",
        options: { redisUrl },
      },
      {
        key: Modules.LOCKING,
        resolve: "@medusajs/medusa/locking",
        options: {
          providers: [
            {
              id: "locking-redis",
              resolve: "@medusajs/medusa/locking-redis",
              is_default: true,
              options: { redisUrl },
            },
          ],
        },
      },
    ]
  : []

// Optional test doubles (payment provider that fails refunds), never in production.
const testModules =
  process.env.ACCOUNTING_TEST_PROVIDERS === "true"
    ? [
        {
          key: Modules.PAYMENT,
          resolve: "@medusajs/medusa/payment",
          options: {
            providers: [
              {
                resolve: path.join(__dirname, "integration-tests/fixtures/failing-payment-provider"),
                id: "failing",
              },
            ],
          },
        },
      ]
    : []

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL ?? "postgres://postgres@localhost:5432/medusa_accounting_dev",
    redisUrl,
    workerMode,
    // `medusa start` makes the session cookie Secure; for a local http run of
    // the built app (browser tests, demos) that would mean no login at all.
    ...(process.env.ADMIN_COOKIE_INSECURE === "true" && {
      cookieOptions: { secure: false, sameSite: "lax" as const },
    }),
    http: {
      storeCors: process.env.STORE_CORS ?? "http://localhost:8000",
      adminCors: process.env.ADMIN_CORS ?? "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS ?? "http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET ?? "supersecret",
      cookieSecret: process.env.COOKIE_SECRET ?? "supersecret",
    },
  },
  admin: {
    disable: process.env.DISABLE_ADMIN === "true" || workerMode === "worker",
    backendUrl: process.env.MEDUSA_BACKEND_URL ?? "http://localhost:9000",
  },
  modules: [
    {
      resolve: "./src/modules/accounting",
      // Plugin options (README "Configuration"): accounts, default_accounts,
      // method_accounts, provider_accounts, sequences, posting, ...
      options: {},
    },
    ...redisModules,
    ...testModules,
    // Medusa's RBAC (behind MEDUSA_FF_RBAC) needs its module; our routes declare their policies.
    ...(process.env.MEDUSA_FF_RBAC === "true" ? [{ resolve: "@medusajs/medusa/rbac" }] : []),
  ],
  plugins: [
    {
      resolve: "@medusajs/loyalty-plugin",
      options: {},
    },
  ],
})
