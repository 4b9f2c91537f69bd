import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { loadSettingPolicy } from "../ledger/setting-policy"
import { updateSettings } from "../ledger/settings"
import AccountingModuleService from "../service"
import { moduleTestOptions } from "./helpers"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ MikroOrmWrapper }) => {
    const knex = (): Knex => MikroOrmWrapper.getManager().getConnection().getKnex()

    it("reads the settings once per transaction, and again after the transaction changes them", async () => {
      // A failed expectation inside propagates; the transaction is rolled back either way.
      const trx = await knex().transaction()
      try {
        const first = loadSettingPolicy(trx)
        expect(loadSettingPolicy(trx)).toBe(first) // one read, shared
        expect((await first)?.timezone).toBe("UTC")
        await updateSettings(trx, { timezone: "America/New_York", allow_future_dates: true })
        expect(await loadSettingPolicy(trx)).toMatchObject({ timezone: "America/New_York", allow_future_dates: true })
      } finally {
        await trx.rollback()
      }
      // Outside a transaction every call reads (awaited here: no query may outlive the test's schema).
      const reads = [loadSettingPolicy(knex()), loadSettingPolicy(knex())]
      expect(reads[0]).not.toBe(reads[1])
      // The rolled-back change is gone.
      expect((await Promise.all(reads)).map((s) => s?.timezone)).toEqual(["UTC", "UTC"])
    })
  },
})
