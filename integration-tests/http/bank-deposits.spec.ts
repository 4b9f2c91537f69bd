// Bank deposits (DS-, issue 18 part 2): receipts in Undeposited Funds to the bank, once each.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Decimal } from "../../src/modules/accounting/rules/money"
import {
  capturePayment,
  createCustomer,
  ensureStore,
  placeOrder,
  StoreFixture,
} from "../../dev/demo/store-fixture"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { injectToday } from "../helpers/clock"
import { readPdf } from "../helpers/files"
import { glLines, waitFor } from "../helpers/ledger"

jest.setTimeout(240_000)

// Later than any wall-clock capture date, so every receipt predates the deposit.
const TODAY = injectToday("2031-12-31")

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let admin: AdminHeaders
    const knex = () => dbConnection as any

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd"] })
    })
    beforeEach(async () => {
      admin = await createAdmin(container)
    })

    const pay = async (method: string, amount: string, payment_account_id?: string) =>
      (
        await api.post(
          "/admin/received-payments",
          {
            customer_id: "cus_dep",
            currency_code: "usd",
            date: "2031-03-01",
            method,
            reference: `${method} ${amount}`,
            amount,
            allocations: [],
            ...(payment_account_id ? { payment_account_id } : {}),
          },
          admin
        )
      ).data.payment
    /** A Medusa capture through the system provider (mapped to Undeposited Funds), once booked. */
    const capture = async () => {
      const customer = await createCustomer(container, {
        email: "dep@example.com",
        first_name: "De",
        last_name: "Posit",
      })
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 1 }],
      })
      await capturePayment(container, placed.payment_id)
      const { rows } = await knex().raw(
        `select id, amount::text as amount from capture where payment_id = ?`,
        [placed.payment_id]
      )
      await waitFor(
        async () =>
          (
            await knex().raw(
              `select 1 from accounting_journal_entry where source_type = 'capture' and source_id = ?`,
              [rows[0].id]
            )
          ).rows.length,
        { what: "the capture's journal entry" }
      )
      return rows[0] as { id: string; amount: string }
    }
    const counts = async () =>
      (
        await knex().raw(`select (select count(*)::int from accounting_bank_deposit) as deposits,
                                 (select count(*)::int from accounting_bank_deposit_item) as items,
                                 (select count(*)::int from accounting_journal_entry where source_type = 'bank_deposit') as entries`)
      ).rows[0]

    it("deposits checks, cash and captures from Undeposited Funds once, with a deposit slip PDF", async () => {
      const check = await pay("check", "125.50", "acct_1200")
      const cash = await pay("cash", "40.00", "acct_1200")
      const wired = await pay("check", "99.00") // booked straight to the bank: nothing to deposit
      const captured = await capture()
      const total = new Decimal("165.50").plus(captured.amount)

      const { data: open } = await api.get(
        "/admin/bank-deposits/receipts/undeposited?currency_code=usd",
        admin
      )
      expect(open.receipts.map((r: any) => [r.type, r.id, r.amount])).toEqual([
        ["capture", captured.id, new Decimal(captured.amount).toFixed(2)],
        ["received_payment", check.id, "125.50"],
        ["received_payment", cash.id, "40.00"],
      ])

      const { data } = await api.post(
        "/admin/bank-deposits",
        {
          currency_code: "usd",
          deposit_date: TODAY,
          reference: "Slip 7",
          receipts: [
            { type: "received_payment", id: check.id },
            { type: "received_payment", id: cash.id },
            { type: "capture", id: captured.id },
          ],
        },
        admin
      )
      const deposit = data.bank_deposit
      expect(deposit).toMatchObject({
        number: "DS-00001",
        deposit_date: TODAY,
        currency_code: "usd",
        reference: "Slip 7",
        total: total.toFixed(2),
      })
      expect(
        deposit.items.map((i: any) => [i.line_no, i.receipt_type, i.receipt_id, i.amount]).sort()
      ).toEqual([
        [1, "received_payment", check.id, "125.50"],
        [2, "received_payment", cash.id, "40.00"],
        [3, "capture", captured.id, new Decimal(captured.amount).toFixed(2)],
      ])
      expect(await glLines(knex(), "bank_deposit", deposit.id)).toEqual([
        ["1000", total.toString(), "0"],
        ["1200", "0", total.toString()],
      ])

      // Each receipt is deposited once; a receipt not in Undeposited Funds is refused.
      const twice = await refused(
        api.post(
          "/admin/bank-deposits",
          {
            currency_code: "usd",
            deposit_date: TODAY,
            receipts: [{ type: "received_payment", id: cash.id }],
          },
          admin
        )
      )
      expect(twice).toMatchObject({ status: 409, data: { code: "RECEIPT_ALREADY_DEPOSITED" } })
      expect(twice.data.message).toContain("DS-00001")
      const notUndeposited = await refused(
        api.post(
          "/admin/bank-deposits",
          {
            currency_code: "usd",
            deposit_date: TODAY,
            receipts: [{ type: "received_payment", id: wired.id }],
          },
          admin
        )
      )
      expect(notUndeposited).toMatchObject({ status: 422, data: { code: "RECEIPT_NOT_UNDEPOSITED" } })
      const empty = await refused(
        api.post("/admin/bank-deposits", { currency_code: "usd", deposit_date: TODAY, receipts: [] }, admin)
      )
      expect(empty.status).toBe(400)
      expect(empty.data.message).toContain("pick at least one receipt")
      expect(await counts()).toEqual({ deposits: 1, items: 3, entries: 1 })
      expect((await api.get("/admin/bank-deposits/receipts/undeposited", admin)).data.receipts).toEqual([])

      // The deposited capture counts as paid out: Undeposited Funds reconciles at zero.
      const { data: report } = await api.get(`/admin/accounting/reports/reconciliation?as_of=${TODAY}`, admin)
      const clearing = report.sections.find((s: any) => s.name === "Clearing accounts")
      expect(clearing.rows).toEqual([
        expect.objectContaining({
          document: "pp_system_default",
          reference: `captured ${new Decimal(captured.amount)} − refunded 0 − paid out ${new Decimal(captured.amount)}`,
          expected: "0.00",
        }),
      ])
      expect(clearing.totals).toEqual([
        expect.objectContaining({
          check: "Clearing 1200",
          expected: "0.00",
          actual: "0.00",
          difference: "0.00",
        }),
      ])

      // The slip to take to the bank.
      const res = await api.get(`/admin/bank-deposits/${deposit.id}/pdf`, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(res.headers["content-type"]).toBe("application/pdf")
      expect(res.headers["content-disposition"]).toContain("deposit-slip-DS-00001.pdf")
      const pdf = await readPdf(Buffer.from(res.data))
      for (const text of [
        "DEPOSIT SLIP",
        "Number: DS-00001",
        `Date: ${TODAY}`,
        "Reference: Slip 7",
        `Payment ${check.number}`,
        "125.50",
        `Capture ${captured.id}`,
        "Total deposit (3 receipts)",
        `${total.toFixed(2)} USD`,
      ]) {
        expect(pdf.text).toContain(text)
      }

      // Posted deposits never change (database guards), and a receipt cannot be slipped in twice.
      await expect(
        knex().raw(`update accounting_bank_deposit set total = 1 where id = ?`, [deposit.id])
      ).rejects.toThrow(/IMMUTABLE/)
      await expect(
        knex().raw(`delete from accounting_bank_deposit_item where deposit_id = ?`, [deposit.id])
      ).rejects.toThrow(/IMMUTABLE/)
      await expect(
        knex().raw(
          `insert into accounting_bank_deposit_item (id, line_no, receipt_type, receipt_id, receipt_date, amount, raw_amount, deposit_id)
           values ('bditem_dup', 4, 'received_payment', ?, '2031-03-01', 40, '{"value":"40","precision":20}', ?)`,
          [cash.id, deposit.id]
        )
      ).rejects.toThrow(/unique/)

      // A deposited check that bounces comes back out of the bank, not out of Undeposited Funds.
      const bounced = await api.post(
        `/admin/received-payments/${check.id}/reverse`,
        { date: TODAY, kind: "bounced", reason: "NSF" },
        admin
      )
      expect(bounced.data.payment).toMatchObject({ status: "reversed", reversal_kind: "bounced" })
      expect(await glLines(knex(), "received_payment", check.id)).toEqual([
        ["1200", "125.5", "0"],
        ["1100", "0", "125.5"],
        ["1000", "0", "125.5"],
        ["1100", "125.5", "0"],
      ])
      const { data: after } = await api.get(`/admin/accounting/reports/reconciliation?as_of=${TODAY}`, admin)
      expect(after.sections.find((s: any) => s.name === "Clearing accounts").totals).toEqual([
        expect.objectContaining({ check: "Clearing 1200", actual: "0.00", difference: "0.00" }),
      ])

      // Separation of duties: listing does not allow depositing (granting a role ends the bootstrap, so last).
      await createAdmin(container, { email: "depowner@example.com", permissions: ["*"] })
      const clerk = await createAdmin(container, {
        email: "depclerk@example.com",
        permissions: ["bank_deposits:list"],
      })
      const { data: listed } = await api.get("/admin/bank-deposits?q=Slip", clerk)
      expect(listed.count).toBe(1)
      expect(listed.bank_deposits[0]).toMatchObject({
        number: "DS-00001",
        total: total.toFixed(2),
        receipt_count: 3,
        bank_account: { code: "1000", name: "Bank" },
      })
      expect(
        (
          await refused(
            api.post(
              "/admin/bank-deposits",
              { currency_code: "usd", deposit_date: TODAY, receipts: [{ type: "capture", id: captured.id }] },
              clerk
            )
          )
        ).status
      ).toBe(403)
    })
  },
})
