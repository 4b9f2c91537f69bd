import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import AccountingModuleService from "../service"
import { ACCOUNTS, arTieOut, expectArTiesOut, glLines, moduleTestOptions, orderSnapshot, payment } from "./helpers"

jest.setTimeout(60_000)

const DAY = "2026-03-02"
// The store's "today" for this suite (the plugin's clock, injected).
const TODAY = "2026-06-30"
process.env.ACCOUNTING_NOW = `${TODAY}T12:00:00Z`
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)

/** A paid order whose total is `total` and whose capture is `captured`: an overpayment of the difference. */
const paidOrder = (id: string, total: number, captured: number, version = 1) =>
  orderSnapshot({
    id,
    version,
    order_date: DAY,
    change_date: DAY,
    totals: { item_subtotal: total, shipping_subtotal: 0, discount_subtotal: 0, tax_total: 0, total },
    payments: captured ? [payment([{ id: `capt_${id}`, amount: captured, date: DAY }])] : [],
  })

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise
  } catch (e: any) {
    return { code: e.code, message: String(e.message) }
  }
  throw new Error("expected a refusal")
}

moduleIntegrationTestRunner<AccountingModuleService>({
  ...moduleTestOptions,
  testSuite: ({ service, MikroOrmWrapper }) => {
    const knex = () => MikroOrmWrapper.getManager().getConnection().getKnex()
    const issuedMemo = async (amount: string, over: Record<string, unknown> = {}) => {
      const id = await service.createCreditMemo({
        customer_id: "cus_1",
        currency_code: "usd",
        memo_date: DAY,
        reason: "Goodwill",
        lines: [{ kind: "adjustment", description: "Allowance", amount }],
        ...over,
      })
      await service.issueCreditMemo(id)
      return id
    }
    const draftRefund = (lines: any[], over: Record<string, unknown> = {}) =>
      service.createCustomerRefundDraft(
        { customer_id: "cus_1", currency_code: "usd", refund_date: DAY, method: "check", lines, ...over },
        {}
      )
    const memoDoc = async (memoId: string) =>
      knex()("accounting_ar_document").where({ doc_type: "credit_memo", source_id: memoId }).first()

    describe("a refund cannot exceed the available credit", () => {
      it("refuses a refund above the available credit, at draft and at posting", async () => {
        const memo = await issuedMemo("100")
        const refused = await refusal(
          draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "100.01" }])
        )
        expect(refused.code).toBe("REFUND_EXCEEDS_CREDIT")

        const first = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "70" }])
        const second = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "70" }])
        await service.reserveCustomerRefund(first, {})
        expect((await refusal(service.reserveCustomerRefund(second, {}))).code).toBe("REFUND_EXCEEDS_CREDIT")
      })
    })

    describe("a payout starts once", () => {
      it("refuses a payout for a draft, and lets one of two concurrent starts through", async () => {
        const memo = await issuedMemo("50")
        const id = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "50" }])
        expect((await refusal(service.beginPayout(id))).code).toBe("POSTING_IN_PROGRESS")
        await service.reserveCustomerRefund(id, {})
        const starts = await Promise.allSettled([service.beginPayout(id), service.beginPayout(id)])
        expect(starts.map((s) => s.status).sort()).toEqual(["fulfilled", "rejected"])
        const refused = starts.find((s): s is PromiseRejectedResult => s.status === "rejected")!
        expect(refused.reason.code).toBe("POSTING_IN_PROGRESS")
        // A retried step is refused too: the provider is never called twice for one refund.
        expect((await refusal(service.beginPayout(id))).code).toBe("POSTING_IN_PROGRESS")
      })
    })

    describe("a credit reserved by a refund being posted counts everywhere a credit is consumed", () => {
      it("keeps a reserved memo from being applied to an order", async () => {
        await service.syncOrderLedger(paidOrder("order_apply", 300, 0), { force: true })
        const memo = await issuedMemo("100")
        const refund = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "100" }])
        await service.reserveCustomerRefund(refund, {})
        const applied = await refusal(
          service.applyCreditMemo(memo, { order_id: "order_apply", amount: "100", date: DAY })
        )
        expect(applied.code).toBe("APPLICATION_EXCEEDS_OPEN")
        expect(applied.message).toContain("has 0 available")
        // The refund completes on the credit it reserved.
        await service.completeCustomerRefund(refund, {})
        expect((await memoDoc(memo)).open_amount).toBe("0")
        await expectArTiesOut(knex())
      })

      it("keeps a reserved overpayment out of order netting when the order grows", async () => {
        await service.syncOrderLedger(paidOrder("order_net", 100, 150), { force: true })
        const overpayment = await knex()("accounting_ar_document").where({ source_id: "capt_order_net" }).first()
        expect(overpayment.open_amount).toBe("50")
        const refund = await draftRefund([{ source_type: "overpayment", source_id: overpayment.id, amount: "50" }])
        await service.reserveCustomerRefund(refund, {})
        // An order edit adds 30: netting may not take the reserved 50.
        await service.syncOrderLedger(paidOrder("order_net", 130, 150, 2), { force: true })
        const edit = await knex()("accounting_ar_document").where({ source_id: "order_net:1" }).first()
        expect(edit.open_amount).toBe("30")
        await service.completeCustomerRefund(refund, {})
        expect((await knex()("accounting_ar_document").where({ id: overpayment.id }).first()).open_amount).toBe("0")
        await expectArTiesOut(knex())
      })

      it("refuses to void a memo a refund has reserved", async () => {
        const memo = await issuedMemo("40")
        const refund = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "40" }])
        await service.reserveCustomerRefund(refund, {})
        await service.markMoneyMoved(refund, {})
        expect((await refusal(service.voidCreditMemo(memo, DAY))).code).toBe("CREDIT_NOT_AVAILABLE")
      })
    })

    describe("money moves once", () => {
      it("never hands a refund whose money moved back as a draft", async () => {
        const memo = await issuedMemo("25")
        const refund = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "25" }], {
          method: "store_credit",
        })
        await service.reserveCustomerRefund(refund, {})
        await service.markMoneyMoved(refund, { store_credit_transaction_id: "sctx_1" })
        expect((await refusal(service.releaseCustomerRefund(refund, "test"))).code).toBe("MONEY_MOVED")
        // Not even by hand in SQL: the database refuses money_moved -> draft.
        const raw = await refusal(
          knex()("accounting_customer_refund").where({ id: refund }).update({ status: "draft" })
        )
        expect(raw.message).toContain("IMMUTABLE")
        const posted = await service.completeCustomerRefund(refund, {})
        // Completing again (a retry) returns the same posting.
        expect(await service.completeCustomerRefund(refund, {})).toEqual(posted)
        expect(await glLines(knex(), "customer_refund", refund)).toEqual([
          ["1100", "25", "0"],
          ["2200", "0", "25"],
        ])
      })
    })

    describe("applications, unapplications and voids are never dated before what they depend on", () => {
      it("refuses a memo void dated before the unapplication that freed it", async () => {
        await service.syncOrderLedger(paidOrder("order_b7", 100, 0), { force: true })
        const memo = await issuedMemo("100")
        const batch = await service.applyCreditMemo(memo, { order_id: "order_b7", amount: "100", date: "2026-03-10" })
        await service.unapplyCreditMemo(memo, batch, "2026-03-20")
        const early = await refusal(service.voidCreditMemo(memo, "2026-03-12"))
        expect(early.code).toBe("DATE_BEFORE_ORIGINAL")
        await service.voidCreditMemo(memo, "2026-03-20")
        expect(await arTieOut(knex())).toEqual([expect.objectContaining({ subledger: "100", control: "100" })])
      })

      it("dates an automatic unapplication no earlier than the application it ends (sync out of order)", async () => {
        await service.syncOrderLedger(
          { ...paidOrder("order_b16", 100, 100), payments: [payment([{ id: "capt_b16", amount: 100, date: "2026-03-20" }])] },
          { force: true }
        )
        // The edit was confirmed on 03-15 but its sync runs after the capture of 03-20 was applied.
        await service.syncOrderLedger(
          {
            ...paidOrder("order_b16", 60, 100, 2),
            change_date: "2026-03-15",
            payments: [payment([{ id: "capt_b16", amount: 100, date: "2026-03-20" }])],
          },
          { force: true }
        )
        const apps = await knex()("accounting_ar_application").whereNotNull("unapplied_date")
        for (const app of apps) {
          expect(app.unapplied_date >= app.application_date).toBe(true)
        }
        const applied = await knex()("accounting_ar_application as a")
          .join("accounting_ar_document as c", "c.id", "a.credit_document_id")
          .join("accounting_ar_document as d", "d.id", "a.debit_document_id")
          .select("a.application_date", "c.document_date as c_date", "d.document_date as d_date")
        for (const a of applied) {
          expect(a.application_date >= a.c_date && a.application_date >= a.d_date).toBe(true)
        }
        await expectArTiesOut(knex())
      })
    })

    describe("posted records are sealed in the module and in the database", () => {
      it("refuses the generated update and delete of issued memos, posted refunds, AR documents and applications", async () => {
        await service.syncOrderLedger(paidOrder("order_seal", 100, 0), { force: true })
        const memo = await issuedMemo("30")
        await service.applyCreditMemo(memo, { order_id: "order_seal", amount: "10", date: DAY })
        const refund = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "20" }])
        await service.reserveCustomerRefund(refund, {})
        await service.completeCustomerRefund(refund, {})
        const doc = await memoDoc(memo)
        const [app] = await knex()("accounting_ar_application").where({ credit_document_id: doc.id }).limit(1)

        const self = service as any // at runtime the generated names say "CreditMemos" (the types "CreditMemoes")
        const attempts: [string, () => Promise<unknown>][] = [
          ["memo edit", () => self.updateCreditMemos({ id: memo, reason: "changed" })],
          ["memo delete", () => self.deleteCreditMemos(memo)],
          ["refund edit", () => self.updateCustomerRefunds({ id: refund, memo: "changed" })],
          ["refund delete", () => self.deleteCustomerRefunds(refund)],
          ["document edit", () => self.updateArDocuments({ id: doc.id, amount: 1 })],
          ["document delete", () => self.deleteArDocuments(doc.id)],
          ["application edit", () => self.updateArApplications({ id: app.id, amount: 1 })],
          ["application delete", () => self.deleteArApplications(app.id)],
        ]
        for (const [what, attempt] of attempts) {
          expect([what, (await refusal(attempt())).code]).toEqual([what, "IMMUTABLE"])
        }

        const sql: [string, () => Promise<unknown>][] = [
          ["memo", () => knex()("accounting_credit_memo").where({ id: memo }).update({ reason: "changed" })],
          ["memo line", () => knex()("accounting_credit_memo_line").where({ credit_memo_id: memo }).update({ amount: 1 })],
          ["refund", () => knex()("accounting_customer_refund").where({ id: refund }).update({ total: 1 })],
          ["refund line", () => knex()("accounting_customer_refund_line").where({ refund_id: refund }).del()],
          ["document", () => knex()("accounting_ar_document").where({ id: doc.id }).update({ amount: 1 })],
          ["document delete", () => knex()("accounting_ar_document").where({ id: doc.id }).del()],
          ["application", () => knex()("accounting_ar_application").where({ id: app.id }).update({ amount: 1 })],
          ["application delete", () => knex()("accounting_ar_application").where({ id: app.id }).del()],
        ]
        for (const [what, attempt] of sql) {
          expect([what, (await refusal(attempt())).message]).toEqual([what, expect.stringContaining("IMMUTABLE")])
        }
        const overOpen = await refusal(
          knex()("accounting_ar_document").where({ id: doc.id }).update({ open_amount: 31 })
        )
        expect(overOpen.message).toContain("accounting_ar_document_open_within_amount")
        await expectArTiesOut(knex())
      })
    })

    describe("payment accounts", () => {
      it("refuses to pay a refund out of the AR control account or a revenue account", async () => {
        const memo = await issuedMemo("10")
        for (const account of [ACCOUNTS.ar, ACCOUNTS.returns, ACCOUNTS.sales]) {
          const refused = await refusal(
            draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "10" }], { payment_account_id: account })
          )
          expect([account, refused.code]).toEqual([account, "NOT_A_PAYMENT_ACCOUNT"])
        }
        const ok = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "10" }], {
          payment_account_id: ACCOUNTS.undeposited,
        })
        expect(ok).toMatch(/^cref_/)
      })
    })

    describe("the AR control account", () => {
      it("cannot be remapped once it carries postings", async () => {
        await service.updateSettings({ role_accounts: { ar: ACCOUNTS.ar } })
        await service.syncOrderLedger(paidOrder("order_ar", 100, 0), { force: true })
        const refused = await refusal(service.updateSettings({ role_accounts: { ar: ACCOUNTS.bank } }))
        expect(refused.code).toBe("CONTROL_ACCOUNT_IN_USE")
        const other = await refusal(service.updateSettings({ method_accounts: { check: ACCOUNTS.ar } }))
        expect(other.code).toBe("CONTROL_ACCOUNT")
      })
    })

    describe("posting toggles create no refundable credit", () => {
      it("parks a capture whose receivable is not recognised instead of booking an overpayment", async () => {
        await service.updateSettings({ posting: { orders: false } })
        const result = await service.syncOrderLedger(paidOrder("order_parked", 100, 100))
        expect(result.parked).toEqual(["capt_order_parked"])
        expect(await service.listAvailableArCredits("cus_1")).toEqual([])
        await service.updateSettings({ posting: { orders: true } })
        const later = await service.syncOrderLedger(paidOrder("order_parked", 100, 100))
        expect(later.posted.map((p) => p.kind)).toEqual(["recognition", "capture"])
        expect(await service.listAvailableArCredits("cus_1")).toEqual([])
        await expectArTiesOut(knex())
      })

      it("refuses a refund of an order's credit while one of its Medusa refunds is not booked", async () => {
        await service.syncOrderLedger(paidOrder("order_unbooked", 100, 150), { force: true })
        const overpayment = await knex()("accounting_ar_document").where({ source_id: "capt_order_unbooked" }).first()
        const refused = await refusal(
          service.createCustomerRefundDraft(
            {
              customer_id: "cus_1",
              currency_code: "usd",
              refund_date: DAY,
              method: "check",
              lines: [{ source_type: "overpayment", source_id: overpayment.id, amount: "50" }],
            },
            { order_refunds: { order_unbooked: ["ref_native_1"] } }
          )
        )
        expect(refused.code).toBe("ORDER_NOT_BOOKED")
        expect(refused.message).toContain("ref_native_1")
      })
    })

    describe("gift cards", () => {
      it("books a gift card sold as a liability and its redemption against it: revenue once", async () => {
        await service.syncOrderLedger(
          orderSnapshot({
            id: "order_gc_sold",
            order_date: DAY,
            change_date: DAY,
            totals: { item_subtotal: 50, shipping_subtotal: 0, discount_subtotal: 0, tax_total: 0, total: 50, gift_card_subtotal: 50 },
          }),
          { force: true }
        )
        expect(await glLines(knex(), "order", "order_gc_sold")).toEqual([
          ["1100", "50", "0"],
          ["2200", "0", "50"],
        ])
        await service.syncOrderLedger(
          orderSnapshot({
            id: "order_gc_used",
            order_date: DAY,
            change_date: DAY,
            totals: { item_subtotal: 50, shipping_subtotal: 0, discount_subtotal: 0, tax_total: 0, total: 0 },
            credit_lines: [{ reference: "gift-card", amount: 50 }],
          }),
          { force: true }
        )
        expect(await glLines(knex(), "order", "order_gc_used")).toEqual([
          ["4000", "0", "50"],
          ["2200", "50", "0"],
        ])
        const { rows } = await knex().raw(
          `select a.code, sum(l.credit - l.debit)::text as balance from accounting_journal_line l
             join accounting_account a on a.id = l.account_id where a.code in ('4000', '2200') group by a.code order by a.code`
        )
        expect(rows).toEqual([
          { code: "2200", balance: "0" },
          { code: "4000", balance: "50" },
        ])
      })
    })
      describe("nothing is dated after today unless the store allows it", () => {
      it("refuses a void dated after today, and a credit freed by a later void is not refundable before it", async () => {
        const memo = await issuedMemo("10")
        const refund = await draftRefund([{ source_type: "credit_memo", source_id: memo, amount: "10" }])
        await service.reserveCustomerRefund(refund, {})
        await service.completeCustomerRefund(refund, {})
        const tomorrow = addDays(TODAY, 1)
        const early = await refusal(service.voidCustomerRefund(refund, { date: tomorrow }))
        expect(early.code).toBe("DATE_IN_FUTURE")
        expect(early.message).toContain(`today (${TODAY}, UTC)`)
        expect((await refusal(issuedMemo("5", { memo_date: tomorrow }))).code).toBe("DATE_IN_FUTURE")

        await service.updateSettings({ allow_future_dates: true })
        await service.voidCustomerRefund(refund, { date: addDays(TODAY, 200) })
        // The memo is open again only from the void date: not refundable today.
        const again = await refusal(
          service.createCustomerRefundDraft(
            { customer_id: "cus_1", currency_code: "usd", refund_date: TODAY, method: "check", lines: [{ source_type: "credit_memo", source_id: memo, amount: "10" }] },
            {}
          )
        )
        expect(again.code).toBe("REFUND_EXCEEDS_CREDIT")
        await service.updateSettings({ allow_future_dates: false })
      })
    })
  },
})
