import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { today } from "../../src/modules/accounting/rules/dates"
import { createCustomer, ensureStore, placeOrder, StoreFixture } from "../../dev/demo/store-fixture"
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
        total: "98.00",
        tax_total: "8.00",
        remaining_amount: null,
      })

      const edited = await api.post(`/admin/credit-memos/${id}`, { reason: "Damaged in transit" }, admin)
      expect(edited.data.credit_memo.reason).toBe("Damaged in transit")

      const issued = await api.post(`/admin/credit-memos/${id}/issue`, {}, admin)
      expect(issued.data.credit_memo).toMatchObject({
        status: "issued",
        number: "CM-00001",
        remaining_amount: "98.00",
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
      expect(applied.data.credit_memo.remaining_amount).toBe("38.00")
      const applicationId = applied.data.application_id
      expect(applied.data.credit_memo.applications).toEqual([
        expect.objectContaining({
          id: applicationId,
          order_id,
          amount: "60.00",
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
      expect(unapplied.data.credit_memo.remaining_amount).toBe("98.00")
      const voided = await api.post(`/admin/credit-memos/${id}/void`, { date }, admin)
      expect(voided.data.credit_memo).toMatchObject({ status: "voided", remaining_amount: "0.00" })
      await expectArTiesOut(knex())
    })

    it("creates and issues a memo in one request, and leaves no draft when the issue is refused", async () => {
      const { customer, order_id } = await customerWithOrder()
      const { data: period } = await api.post(
        "/admin/accounting/periods",
        { name: "Closed 2020", start_date: "2020-01-01", end_date: "2020-12-31" },
        admin
      )
      await api.post(`/admin/accounting/periods/${period.period.id}/close`, {}, admin)
      const count = async () =>
        (await knex().raw(`select count(*)::int as n from accounting_credit_memo`)).rows[0].n

      const closed = await refused(create(customer.id, { order_id, date: "2020-06-30", issue: true }))
      expect(closed).toMatchObject({ status: 409, data: { code: "PERIOD_CLOSED" } })
      expect(await count()).toBe(0)
      const again = await refused(create(customer.id, { order_id, date: "2020-06-30", issue: true }))
      expect(again.status).toBe(409)
      expect(await count()).toBe(0)

      const { data } = await create(customer.id, { order_id, issue: true })
      expect(data.credit_memo).toMatchObject({
        status: "issued",
        number: "CM-00001",
        remaining_amount: "98.00",
        customer: { id: customer.id, name: "Mia Memo", email: customer.email },
        order: { id: order_id, display_id: expect.any(Number) },
      })
      expect(await count()).toBe(1)
      await expectArTiesOut(knex())
    })

    it("deletes a draft and refuses to delete an issued memo", async () => {
      const { customer } = await customerWithOrder()
      const draft = (await create(customer.id)).data.credit_memo
      const deleted = await api.delete(`/admin/credit-memos/${draft.id}`, admin)
      expect(deleted.data).toEqual({ id: draft.id, object: "credit_memo", deleted: true })
      expect((await refused(api.get(`/admin/credit-memos/${draft.id}`, admin))).status).toBe(404)

      const issued = (await create(customer.id, { issue: true })).data.credit_memo
      const refusal = await refused(api.delete(`/admin/credit-memos/${issued.id}`, admin))
      expect(refusal).toMatchObject({ status: 409, data: { code: "IMMUTABLE" } })
      expect((await api.get(`/admin/credit-memos/${issued.id}`, admin)).data.credit_memo.status).toBe("issued")
    })

    it("lists the customer's open orders to apply a memo to, and explains the order's figures", async () => {
      const { customer, order_id } = await customerWithOrder()
      const second = await placeOrder(container, fixture, {
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ variant_id: fixture.variant_ids.widget, quantity: 1 }],
      })
      await waitForArDocument(knex(), second.order_id)
      const open = await api.get(`/admin/customers/${customer.id}/open-orders?currency_code=usd`, admin)
      expect(open.data.count).toBe(2)
      const first = open.data.open_orders.find((o: any) => o.order_id === order_id)
      expect(first).toMatchObject({
        currency_code: "usd",
        date,
        display_id: expect.any(Number),
        open_amount: expect.stringMatching(/^\d+(\.\d+)?$/),
      })
      expect((await api.get(`/admin/customers/${customer.id}/open-orders?currency_code=eur`, admin)).data.count).toBe(0)
      const bad = await refused(api.get(`/admin/customers/${customer.id}/open-orders?currency=usd`, admin))
      expect(bad.status).toBe(400)

      const memo = (await create(customer.id, { issue: true })).data.credit_memo
      const applied = await api.post(
        `/admin/credit-memos/${memo.id}/applications`,
        { order_id, amount: "60", date },
        admin
      )
      const after = await api.get(`/admin/customers/${customer.id}/open-orders`, admin)
      const reduced = after.data.open_orders.find((o: any) => o.order_id === order_id)
      expect(Number(reduced.open_amount)).toBe(Number(first.open_amount) - 60)

      const { data } = await api.get(`/admin/orders/${order_id}/accounting`, admin)
      expect(data.order_accounting).toMatchObject({
        due_date: expect.any(String),
        credit_applications: [
          {
            application_id: applied.data.application_id,
            credit_memo_id: memo.id,
            credit_memo_number: "CM-00001",
            kind: "manual",
            amount: "60.00",
            date,
          },
        ],
        refunds_from_credits: [],
      })
      const sources = data.order_accounting.journal_entries.map((e: any) => e.source_type)
      expect(sources).toEqual(expect.arrayContaining(["order", "credit_memo"]))

      const journal = await api.get(`/admin/accounting/journal-entries?order_id=${order_id}`, admin)
      expect(journal.data.journal_entries.map((e: any) => e.source_type).sort()).toEqual(sources.sort())
      const memoEntry = journal.data.journal_entries.find((e: any) => e.source_type === "credit_memo")
      expect(memoEntry).toMatchObject({
        amount: "98.00",
        reversible: false,
        customer: { id: customer.id, name: "Mia Memo" },
      })
      const display = data.order_accounting.documents.find((d: any) => d.doc_type === "order").number.slice(1)
      const byNumber = await api.get(`/admin/accounting/journal-entries?order_display_id=${display}`, admin)
      expect(byNumber.data.count).toBe(journal.data.count)
      const none = await api.get(`/admin/accounting/journal-entries?order_display_id=999999`, admin)
      expect(none.data.count).toBe(0)

      const listed = await api.get(`/admin/credit-memos?customer_id=${customer.id}`, admin)
      expect(listed.data.credit_memos[0].customer).toEqual({
        id: customer.id,
        name: "Mia Memo",
        email: customer.email,
      })
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
