import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { today } from "../../src/modules/accounting/rules/dates"
import { createCustomer, ensureStore, placeOrder, StoreFixture } from "../../src/scripts/demo/store-fixture"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { readPdf } from "../helpers/files"
import { expectArTiesOut, glLines, waitForArDocument } from "../helpers/ledger"

jest.setTimeout(180_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let fixture: StoreFixture
    let admin: AdminHeaders
    const knex = () => dbConnection as any
    const date = today()

    beforeAll(async () => {
      container = getContainer()
      fixture = await ensureStore(container, { currencies: ["usd", "eur"] })
    })
    beforeEach(async () => {
      admin = await createAdmin(container)
    })

    const customerWithOrder = async (currency_code = "usd") => {
      const customer = await createCustomer(container, {
        email: `m${Date.now()}@example.com`,
        first_name: "Mia",
        last_name: "Memo",
      })
      const placed = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code,
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 2 }],
      })
      await waitForArDocument(knex(), placed.order_id)
      return { customer, order_id: placed.order_id }
    }
    const create = (customer_id: string, over: Record<string, unknown> = {}) =>
      api.post(
        "/admin/credit-memos",
        {
          customer_id,
          currency_code: "usd",
          date,
          reason: "Damaged on arrival",
          lines: [
            { description: "Widget, damaged", amount: "80", tax_amount: "8", kind: "item" },
            { description: "Shipping", amount: 10, kind: "shipping" },
          ],
          ...over,
        },
        admin
      )

    it("creates, edits, issues, applies, unapplies and voids a memo through the API", async () => {
      const { customer, order_id } = await customerWithOrder()
      const { data } = await create(customer.id, { order_id })
      const id = data.credit_memo.id
      expect(data.credit_memo).toMatchObject({
        status: "draft",
        number: null,
        total: 98,
        tax_total: 8,
        remaining_amount: null,
      })

      const edited = await api.post(`/admin/credit-memos/${id}`, { reason: "Damaged in transit" }, admin)
      expect(edited.data.credit_memo.reason).toBe("Damaged in transit")

      const issued = await api.post(`/admin/credit-memos/${id}/issue`, {}, admin)
      expect(issued.data.credit_memo).toMatchObject({
        status: "issued",
        number: "CM-00001",
        remaining_amount: 98,
      })
      expect(await glLines(knex(), "credit_memo", id)).toEqual([
        ["4100", "80", "0"],
        ["4200", "10", "0"],
        ["2100", "8", "0"],
        ["1100", "0", "98"],
      ])
      const locked = await refused(
        api.post(`/admin/credit-memos/${id}`, { reason: "changed my mind" }, admin)
      )
      expect(locked).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })

      const applied = await api.post(
        `/admin/credit-memos/${id}/applications`,
        { order_id, amount: "60", date },
        admin
      )
      expect(applied.data.credit_memo.remaining_amount).toBe(38)
      const applicationId = applied.data.application_id
      expect(applied.data.credit_memo.applications).toEqual([
        expect.objectContaining({
          id: applicationId,
          order_id,
          amount: 60,
          kind: "manual",
          unapplied_date: null,
        }),
      ])
      const tooMuch = await refused(
        api.post(`/admin/credit-memos/${id}/applications`, { order_id, amount: "38.01", date }, admin)
      )
      expect(tooMuch).toMatchObject({ status: 422, data: { code: "APPLICATION_EXCEEDS_OPEN" } })

      const blocked = await refused(api.post(`/admin/credit-memos/${id}/void`, { date }, admin))
      expect(blocked).toMatchObject({ status: 409, data: { code: "CREDIT_NOT_AVAILABLE" } })
      const unapplied = await api.delete(
        `/admin/credit-memos/${id}/applications/${applicationId}?date=${date}`,
        admin
      )
      expect(unapplied.data.credit_memo.remaining_amount).toBe(98)
      const voided = await api.post(`/admin/credit-memos/${id}/void`, { date }, admin)
      expect(voided.data.credit_memo).toMatchObject({ status: "voided", remaining_amount: 0 })
      await expectArTiesOut(knex())
    })

    it("serves a PDF the customer can read: number, date, lines, total, remaining", async () => {
      const { customer } = await customerWithOrder()
      const { data } = await create(customer.id)
      await api.post(`/admin/credit-memos/${data.credit_memo.id}/issue`, {}, admin)
      const res = await api.get(`/admin/credit-memos/${data.credit_memo.id}/pdf`, {
        ...admin,
        responseType: "arraybuffer",
      })
      expect(res.headers["content-type"]).toBe("application/pdf")
      expect(res.headers["content-disposition"]).toContain("credit-memo-CM-00001.pdf")
      const pdf = await readPdf(Buffer.from(res.data))
      for (const text of [
        "CREDIT MEMO",
        "CM-00001",
        date,
        "Mia Memo",
        "Widget, damaged",
        "Total credit",
        "98.00 USD",
        "Remaining",
      ]) {
        expect(pdf.text).toContain(text)
      }
    })

    it("refuses another customer's order, another currency and malformed input", async () => {
      const { customer } = await customerWithOrder()
      const other = await customerWithOrder()
      const foreign = await refused(create(customer.id, { order_id: other.order_id }))
      expect(foreign).toMatchObject({ status: 422, data: { code: "CUSTOMER_MISMATCH" } })
      const eur = await customerWithOrder("eur")
      const currency = await refused(create(eur.customer.id, { order_id: eur.order_id }))
      expect(currency).toMatchObject({ status: 422, data: { code: "CURRENCY_MISMATCH" } })

      const negative = await refused(create(customer.id, { lines: [{ description: "x", amount: "-5" }] }))
      expect(negative.status).toBe(400)
      expect(negative.data.message).toContain("lines.0.amount")
      const unknown = await refused(create("cus_missing"))
      expect(unknown.status).toBe(404)
      expect((await knex().raw(`select count(*)::int as n from accounting_credit_memo`)).rows[0].n).toBe(0)
    })
  
    it("answers a memo's and an AR document's customer and order through Query (read-only module links)", async () => {
      const { customer, order_id } = await customerWithOrder()
      const { data } = await create(customer.id, { order_id })
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: memos } = await query.graph({
        entity: "credit_memo",
        fields: ["id", "customer.email", "customer.first_name", "order.display_id"],
        filters: { id: data.credit_memo.id },
      })
      expect(memos[0]).toMatchObject({
        customer: { email: customer.email, first_name: "Mia" },
        order: { display_id: expect.any(Number) },
      })
      const { data: docs } = await query.graph({
        entity: "ar_document",
        fields: ["id", "customer.email", "order.id"],
        filters: { order_id },
      })
      expect(docs[0]).toMatchObject({ customer: { email: customer.email }, order: { id: order_id } })
    })
  },
})
