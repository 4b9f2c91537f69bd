import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdmin } from "../helpers/admin"
import { MIN_ACCEPTED_SHARE, PropertyStats, runLedgerProperties } from "../properties/ledger-properties"
import { injectToday } from "../helpers/clock"

// The documents of this suite are dated in 2999: that is "today" for the plugin.
injectToday("2999-12-31")

// The default run is small but real; `npm run test:stress` generates 10,000 steps,
// in chunks (the database is emptied between chunks, as between any two tests).
const RUNS = Number(process.env.PROPERTY_RUNS ?? 3)
const STEPS = Number(process.env.PROPERTY_STEPS ?? 30)
const CHUNKS = Number(process.env.PROPERTY_CHUNKS ?? 1)
// Replays a failure: the seed a failed run prints (with the same PROPERTY_RUNS and PROPERTY_STEPS).
const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined

jest.setTimeout(Number(process.env.PROPERTY_TIMEOUT_MS ?? 600_000))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    const total: PropertyStats = { runs: 0, steps: 0, accepted: 0, refused: {}, invariant_checks: 0 }

    afterAll(() => {
      process.stdout.write(`ledger properties: ${JSON.stringify(total)}\n`)
    })

    for (let chunk = 1; chunk <= CHUNKS; chunk++) {
      it(`keeps every invariant over ${RUNS} random runs of ${STEPS} steps (${chunk}/${CHUNKS})`, async () => {
        const container = getContainer()
        const stats = await runLedgerProperties({
          api,
          admin: await createAdmin(container),
          container,
          knex: dbConnection as any,
          runs: RUNS,
          steps: STEPS,
          seed: SEED,
        })
        expect(stats.steps).toBe(RUNS * STEPS)
        expect(stats.invariant_checks).toBe(stats.steps)
        const refused = Object.values(stats.refused).reduce((a, b) => a + b, 0)
        expect(stats.accepted / (stats.accepted + refused)).toBeGreaterThanOrEqual(MIN_ACCEPTED_SHARE)
        total.runs += stats.runs
        total.steps += stats.steps
        total.accepted += stats.accepted
        total.invariant_checks += stats.invariant_checks
        for (const [code, n] of Object.entries(stats.refused)) {
          total.refused[code] = (total.refused[code] ?? 0) + n
        }
      })
    }
  },
})
