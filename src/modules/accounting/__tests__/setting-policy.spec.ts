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
      await knex().transaction(async (trx) => {
        const first = loadSettingPolicy(trx)
        expect(loadSettingPolicy(trx)).toBe(first) // one read, shared
        expect((await first)?.timezone).toBe("UTC")
        await updateSettings(trx, { timezone: "America/New_York", allow_future_dates: true })
        expect(await loadSettingPolicy(trx)).toMatchObject({ timezone: "America/New_York", allow_future_dates: true })
        await trx.rollback()
      }).catch(() => undefined)
      // Outside a transaction every call reads: the rolled-back change is gone.
      expect(loadSettingPolicy(knex())).not.toBe(loadSettingPolicy(knex()))
      expect((await loadSettingPolicy(knex()))?.timezone).toBe("UTC")
    })
  },
})
