import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { parseAccountingOptions } from "../options"
import AccountingModuleService from "../service"
import { moduleTestOptions } from "./helpers"

jest.setTimeout(60_000)

const options = {
  accounts: [{ code: "1020", name: "Refund Bank (Wise)", type: "asset" as const }],
  default_accounts: { bank: "1020" },
  method_accounts: { eft: "1020" },
  provider_accounts: { pp_stripe_stripe: "1210" },
  sequences: { credit_memo: { prefix: "CN-", padding: 5 } },
  posting: { refunds: false },
  auto_credit_memo_on_return: true,
  payment_terms_days: 30,
}

describe("plugin options validation", () => {
  it("names every bad option and where to fix it", () => {
    expect(() =>
      parseAccountingOptions({
        default_accounts: { receivables: "1100" },
        sequences: { credit_memo: { padding: 40 } },
        posting: { refunds: "no" },
      })
    ).toThrow(
      [
        "Invalid options for the accounting plugin (medusa-accounting-ar) in medusa-config.ts:",
        '  - default_accounts: Unrecognized key: "receivables"',
        "  - sequences.credit_memo.padding: Too big: expected number to be <=12",
        "  - posting.refunds: Invalid input: expected boolean, received string",
      ].join("\n")
    )
    expect(parseAccountingOptions(undefined)).toEqual({})
    expect(parseAccountingOptions(options)).toEqual(options)
  })
})

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  moduleOptions: options,
  testSuite: ({ service }) => {
    it("applies the options at application start, once, and again only when they change", async () => {
      // Medusa called the module's onApplicationStart hook when the test app started.
      expect(await service.applyOptions()).toBeNull()

      const settings = await service.getSettings()
      expect(settings.role_accounts.bank.code).toBe("1020")
      expect(settings.method_accounts.eft.code).toBe("1020")
      expect(settings.provider_accounts.pp_stripe_stripe.code).toBe("1210")
      expect(settings.sequences.find((s) => s.type === "credit_memo")).toMatchObject({
        prefix: "CN-",
        padding: 5,
      })
      expect(settings.posting.refunds).toBe(false)
      expect(settings.posting.orders).toBe(true)
      expect(settings.auto_credit_memo_on_return).toBe(true)
      expect(settings.payment_terms.default_days).toBe(30)
      const [account] = await service.listAccountingAccounts({ code: "1020" })
      expect(account).toMatchObject({ name: "Refund Bank (Wise)", type: "asset", active: true })

      // An admin edit after that wins over the unchanged options on the next start.
      await service.updateSettings({ posting: { refunds: true } })
      expect(await service.applyOptions()).toBeNull()
      expect((await service.getSettings()).posting.refunds).toBe(true)
      const audits = await service.listAuditEvents({ entity_type: "settings", action: "apply_options" })
      expect(audits).toHaveLength(1)
      expect(audits[0].origin).toBe("medusa-config")
    })
  },
})
