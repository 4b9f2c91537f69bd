import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { recordAudit } from "../ledger/audit"
import { sealAuditChain, verifyAuditChain } from "../ledger/audit-chain"
import AccountingModuleService from "../service"
import { moduleTestOptions } from "./helpers"

jest.setTimeout(60_000)

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ MikroOrmWrapper }) => {
    const knex = (): Knex => MikroOrmWrapper.getManager().getConnection().getKnex()
    const row = async (entity_id: string) =>
      await knex()("accounting_audit_event").where({ entity_id }).first("chain_seq", "hash", "data")

    it("inserts a row sealed, its hash over the values as the database gives them back", async () => {
      await knex().transaction(async (trx) => {
        await recordAudit(trx, {
          entity_type: "test",
          entity_id: "sealed-json",
          action: "create",
          // Key order, a Date, a float, an undefined key and non-ASCII text all come back changed by jsonb.
          data: { b: 1, a: new Date("2026-01-02T03:04:05.678Z"), n: 0.1, u: undefined, s: "é\u2028", z: { y: [1, "x"], x: null } },
          after: [{ amount: "10.00" }],
        })
      })
      const stored = await row("sealed-json")
      expect(stored.chain_seq).not.toBeNull()
      expect(stored.data.a).toBe("2026-01-02T03:04:05.678Z")
      expect(await verifyAuditChain(knex())).toMatchObject({ valid: true })
    })

    it("leaves a row unsealed while another transaction seals, and the next sealer chains it first", async () => {
      const sealer = await knex().transaction()
      await sealAuditChain(sealer) // holds the chain lock
      await knex().transaction(async (trx) => {
        await recordAudit(trx, { entity_type: "test", entity_id: "while-sealing", action: "create" })
      })
      expect((await row("while-sealing")).chain_seq).toBeNull()
      await sealer.commit()
      await knex().transaction(async (trx) => {
        await recordAudit(trx, { entity_type: "test", entity_id: "after-sealing", action: "create" })
      })
      const [first, second] = [await row("while-sealing"), await row("after-sealing")]
      expect(Number(second.chain_seq)).toBe(Number(first.chain_seq) + 1)
      expect(await verifyAuditChain(knex())).toMatchObject({ valid: true })
    })
  },
})
