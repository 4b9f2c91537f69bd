import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { createAdmin } from "../helpers/admin"
import { runLedgerProperties } from "../properties/ledger-properties"

// The default run is small but real; `npm run test:stress` generates 10,000 steps.
const RUNS = Number(process.env.PROPERTY_RUNS ?? 3)
const STEPS = Number(process.env.PROPERTY_STEPS ?? 30)

jest.setTimeout(600_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    it(`keeps every invariant over ${RUNS} random runs of ${STEPS} steps`, async () => {
      const container = getContainer()
      const stats = await runLedgerProperties({
        api,
        admin: await createAdmin(container),
        container,
        knex: dbConnection as any,
        runs: RUNS,
        steps: STEPS,
      })
      process.stdout.write(`ledger properties: ${JSON.stringify(stats)}\n`)
      expect(stats.steps).toBe(RUNS * STEPS)
      expect(stats.invariant_checks).toBe(stats.steps)
    })
  },
})
