import { defineConfig, loadEnv, Modules } from "@medusajs/framework/utils"
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

// Medusa's production modules, used when REDIS_URL is set (docs/DEPLOYMENT.md).
const redisModules = redisUrl
  ? [
      {
        key: Modules.EVENT_BUS,
        resolve: "@medusajs/medusa/event-bus-redis",
        options: { redisUrl },
      },
      {
        key: Modules.WORKFLOW_ENGINE,
        resolve: "@medusajs/medusa/workflow-engine-redis",
        options: { redis: { url: redisUrl } },
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
      options: {},
    },
    ...redisModules,
    ...testModules,
  ],
  plugins: [
    {
      resolve: "@medusajs/loyalty-plugin",
      options: {},
    },
  ],
})
