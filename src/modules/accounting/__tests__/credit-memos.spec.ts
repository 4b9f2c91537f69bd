import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import AccountingModuleService from "../service"
import { expectArTiesOut, glLines, moduleTestOptions, orderSnapshot, payment } from "./helpers"

jest.setTimeout(60_000)

const invoice = (id: string, amount: number, date = "2026-02-01") =>
  orderSnapshot({
    id,
    display_id: id.replace("order_", ""),
    order_date: date,
    change_date: date,
    totals: {
      item_subtotal: amount,
      shipping_subtotal: 0,
      discount_subtotal: 0,
      tax_total: 0,
      total: amount,
    },
  })

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()
    const open = async (sourceId: string) =>
      (await knex()("accounting_ar_document").where({ source_id: sourceId }).first()).raw_open_amount.value
    const memo = (amount: string, over: Record<string, unknown> = {}) =>
      service.createCreditMemo({
        customer_id: "cus_1",
        currency_code: "usd",
        memo_date: "2026-02-05",
        reason: "Returned goods",
        lines: [{ kind: "item", description: "Returned items", amount }],
        ...over,
      })

    it("scenario 1: a partial return becomes a credit memo applied to the invoice", async () => {
      await service.syncOrderLedger(invoice("order_inv1", 1000))
      const id = await memo("300")
      await service.issueCreditMemo(id, { actor_id: "user_1" })
      expect(await glLines(knex(), "credit_memo", id)).toEqual([
        ["4100", "300", "0"],
        ["1100", "0", "300"],
      ])
      const [issued] = await service.listCreditMemos({ id })
      expect(issued).toMatchObject({ status: "issued", number: "CM-00001", issued_by: "user_1" })

      const entriesBefore = (await service.listJournalEntries({})).length
      await service.applyCreditMemo(id, { order_id: "order_inv1", amount: "300", date: "2026-02-06" })
      expect((await service.listJournalEntries({})).length).toBe(entriesBefore) // applying posts nothing
      expect(await open("order_inv1")).toBe("700")
      expect(await open(id)).toBe("0")
      await expectArTiesOut(knex())
    })

    it("scenario 2: a full return of a paid order leaves the customer a credit of 500", async () => {
      await service.syncOrderLedger({
        ...invoice("order_500", 500),
        payments: [payment([{ id: "capt_500", amount: 500, date: "2026-02-01" }])],
      })
      const id = await memo("500")
      await service.issueCreditMemo(id)
      expect(await open(id)).toBe("500")
      const { rows } = await knex().raw(
        `select sum(sign * open_amount)::text as balance from accounting_ar_document where customer_id = 'cus_1'`
      )
      expect(rows[0].balance).toBe("-500")
      await expectArTiesOut(knex())
    })

    it("scenario 3: a price adjustment on one of two invoices", async () => {
      await service.syncOrderLedger(invoice("order_a", 800))
      await service.syncOrderLedger(invoice("order_b", 300))
      const id = await memo("200", { order_id: "order_a", reason: "Price dispute" })
      await service.issueCreditMemo(id)
      await service.applyCreditMemo(id, { order_id: "order_a", amount: 200, date: "2026-02-05" })
      expect([await open("order_a"), await open("order_b")]).toEqual(["600", "300"])
      const { rows } = await knex().raw(
        `select sum(sign * open_amount)::text as owed from accounting_ar_document`
      )
      expect(rows[0].owed).toBe("900")
    })

    it("applies across two orders in steps, then unapplies exactly", async () => {
      await service.syncOrderLedger(invoice("order_a", 200))
      await service.syncOrderLedger(invoice("order_b", 200))
      const id = await memo("500")
      await service.issueCreditMemo(id)
      const a = await service.applyCreditMemo(id, { order_id: "order_a", amount: "200", date: "2026-02-06" })
      const b1 = await service.applyCreditMemo(id, { order_id: "order_b", amount: "150", date: "2026-02-06" })
      const b2 = await service.applyCreditMemo(id, { order_id: "order_b", amount: "50", date: "2026-02-07" })
      expect([await open("order_a"), await open("order_b"), await open(id)]).toEqual(["0", "0", "100"])

      await expect(
        service.applyCreditMemo(id, { order_id: "order_a", amount: "1", date: "2026-02-07" })
      ).rejects.toMatchObject({
        code: "APPLICATION_EXCEEDS_OPEN",
      })
      await service.unapplyCreditMemo(id, b1, "2026-02-08")
      expect([await open("order_b"), await open(id)]).toEqual(["150", "250"])
      await service.unapplyCreditMemo(id, a, "2026-02-08")
      await service.unapplyCreditMemo(id, b2, "2026-02-08")
      expect([await open("order_a"), await open("order_b"), await open(id)]).toEqual(["200", "200", "500"])
      await expect(service.unapplyCreditMemo(id, a, "2026-02-09")).rejects.toThrow(/no standing application/)
      await expectArTiesOut(knex())
    })

    it("refuses more than the memo has, another customer's order and another currency", async () => {
      await service.syncOrderLedger(invoice("order_a", 1000))
      await service.syncOrderLedger({ ...invoice("order_x", 1000), customer_id: "cus_2" })
      await service.syncOrderLedger({ ...invoice("order_eur", 1000), currency_code: "eur" })
      const id = await memo("100")
      await service.issueCreditMemo(id)
      await expect(
        service.applyCreditMemo(id, { order_id: "order_a", amount: "100.01", date: "2026-02-06" })
      ).rejects.toMatchObject({ code: "APPLICATION_EXCEEDS_OPEN" })
      await expect(
        service.applyCreditMemo(id, { order_id: "order_x", amount: "10", date: "2026-02-06" })
      ).rejects.toMatchObject({ code: "CUSTOMER_MISMATCH" })
      await expect(
        service.applyCreditMemo(id, { order_id: "order_eur", amount: "10", date: "2026-02-06" })
      ).rejects.toMatchObject({ code: "CURRENCY_MISMATCH" })
      await expect(
        service.applyCreditMemo(id, { order_id: "order_a", amount: "10", date: "2026-02-04" })
      ).rejects.toMatchObject({ code: "DATE_BEFORE_ORIGINAL" })
      expect(await open(id)).toBe("100")
    })

    it("refuses to void while applied, voids after unapply with the mirror entry", async () => {
      await service.syncOrderLedger(invoice("order_a", 1000))
      const id = await memo("300")
      await service.issueCreditMemo(id)
      const app = await service.applyCreditMemo(id, {
        order_id: "order_a",
        amount: "300",
        date: "2026-02-06",
      })
      await expect(service.voidCreditMemo(id, "2026-02-07")).rejects.toMatchObject({
        code: "CREDIT_NOT_AVAILABLE",
      })
      await service.unapplyCreditMemo(id, app, "2026-02-07")
      await expect(service.voidCreditMemo(id, "2026-02-04")).rejects.toMatchObject({
        code: "DATE_BEFORE_ORIGINAL",
      })
      await service.voidCreditMemo(id, "2026-02-07", { actor_id: "user_2" })
      expect(await glLines(knex(), "credit_memo", id)).toEqual([
        ["4100", "300", "0"],
        ["1100", "0", "300"],
        ["4100", "0", "300"],
        ["1100", "300", "0"],
      ])
      const [voided] = await service.listCreditMemos({ id })
      expect(voided).toMatchObject({
        status: "voided",
        void_date: "2026-02-07",
        voided_by: "user_2",
        number: "CM-00001",
      })
      expect(await open(id)).toBe("0")
      await expect(service.voidCreditMemo(id, "2026-02-08")).rejects.toMatchObject({ code: "ALREADY_VOIDED" })
      await expectArTiesOut(knex())
    })

    it("lets a draft be edited and refuses to edit an issued memo", async () => {
      const id = await memo("100")
      await service.updateCreditMemoDraft(id, {
        lines: [
          { kind: "item", description: "Item", amount: "80", tax_amount: "8" },
          { kind: "shipping", description: "Shipping", amount: "10", tax_amount: "1" },
        ],
      })
      const [draft] = await service.listCreditMemos({ id })
      expect([draft.subtotal, draft.tax_total, draft.total]).toEqual([90, 9, 99])
      await service.issueCreditMemo(id)
      expect(await glLines(knex(), "credit_memo", id)).toEqual([
        ["4100", "80", "0"],
        ["4200", "10", "0"],
        ["2100", "9", "0"],
        ["1100", "0", "99"],
      ])
      await expect(service.updateCreditMemoDraft(id, { reason: "changed" })).rejects.toMatchObject({
        code: "IMMUTABLE",
      })
      await expect(service.issueCreditMemo(id)).rejects.toMatchObject({ code: "ALREADY_ISSUED" })
    })

    it("keeps KWD memos at three decimals", async () => {
      await expect(memo("1.2345", { currency_code: "kwd" })).rejects.toMatchObject({
        code: "PRECISION_EXCEEDED",
      })
      const id = await memo("1.234", { currency_code: "kwd" })
      await service.issueCreditMemo(id)
      expect(await glLines(knex(), "credit_memo", id)).toEqual([
        ["4100", "1.234", "0"],
        ["1100", "0", "1.234"],
      ])
    })
  },
})
