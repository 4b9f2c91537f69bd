// Runs the code of docs/EXTENDING.md as written (docs/examples/**), in a real app.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { SubscriberLoader } from "@medusajs/framework/subscribers"
import type { MedusaContainer } from "@medusajs/framework/types"
import { readFileSync } from "fs"
import { createServer, Server } from "http"
import { AddressInfo } from "net"
import path from "path"
import addPaypalRefundMethod from "../../docs/examples/scripts/add-paypal-refund-method"
import { REFUND_LIMIT } from "../../docs/examples/workflows/hooks/block-large-refunds"
import { createCustomer } from "../../dev/demo/store-fixture"
import { today } from "../../src/modules/accounting/rules/dates"
import { AdminHeaders, createAdmin, refused } from "../helpers/admin"
import { issueMemo, memoRefundBody } from "../helpers/credit"
import { expectArTiesOut, glLines, waitFor } from "../helpers/ledger"

jest.setTimeout(180_000)

const EXAMPLES = path.join(__dirname, "../../docs/examples")

/** A local stand-in for the external system of the webhook example. */
function webhookReceiver(): Promise<{ server: Server; url: string; received: any[] }> {
  const received: any[] = []
  const server = createServer((req, res) => {
    let body = ""
    req.on("data", (chunk) => (body += chunk))
    req.on("end", () => {
      received.push(JSON.parse(body))
      res.writeHead(204).end()
    })
  })
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo
      resolve({ server, url: `http://127.0.0.1:${port}/refunds`, received })
    })
  )
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    let admin: AdminHeaders
    let customer_id: string
    const date = today()

    beforeEach(async () => {
      container = getContainer()
      admin = await createAdmin(container)
      customer_id = (
        await createCustomer(container, {
          email: `x${Date.now()}@example.com`,
          first_name: "Ext",
          last_name: "Ender",
        })
      ).id
    })

    const issuedMemo = (amount: string) => issueMemo(api, admin, { customer_id, amount, date })
    const refund = (memo: string, amount: string, method = "check") =>
      api.post("/admin/customer-refunds", memoRefundBody(customer_id, memo, amount, date, { method }), admin)

    it("docs/EXTENDING.md quotes each example file verbatim", () => {
      const doc = readFileSync(path.join(__dirname, "../../docs/EXTENDING.md"), "utf8")
      for (const file of [
        "scripts/add-paypal-refund-method.ts",
        "workflows/hooks/block-large-refunds.ts",
        "subscribers/notify-refund-posted.ts",
      ]) {
        expect(doc).toContain(readFileSync(path.join(EXAMPLES, file), "utf8").trim())
      }
    })

    it("adds a refund method mapped to an account (example 1)", async () => {
      const unknown = await refused(refund(await issuedMemo("80"), "30", "paypal"))
      expect(unknown).toMatchObject({ status: 422, data: { code: "ACCOUNT_NOT_MAPPED" } })

      await addPaypalRefundMethod({ container, args: [] } as any)
      await addPaypalRefundMethod({ container, args: [] } as any) // idempotent
      const { data } = await refund(await issuedMemo("80"), "30", "paypal")
      expect(data.customer_refund).toMatchObject({ status: "posted", method: "paypal", total: "30.00" })
      expect(await glLines(dbConnection as any, "customer_refund", data.customer_refund.id)).toEqual([
        ["1100", "30", "0"],
        ["1030", "0", "30"],
      ])
      const settings = await api.get("/admin/accounting/settings", admin)
      expect(settings.data.settings.method_accounts.paypal).toMatchObject({ code: "1030", name: "PayPal balance" })
    })

    it("blocks refunds over a threshold with the refundValidated hook (example 2)", async () => {
      // Importing the file registers the hook, as Medusa does with src/workflows/hooks.
      require("../../docs/examples/workflows/hooks/block-large-refunds")
      const memo = await issuedMemo("900")
      const over = await refused(refund(memo, String(REFUND_LIMIT + 1)))
      expect(over.status).toBe(400)
      expect(over.data).toMatchObject({
        type: "not_allowed",
        message: "Refunds above 500 USD need a finance manager's approval",
      })
      // Nothing was reserved or posted by the refused refund: the whole memo is still there.
      const credits = await api.get(`/admin/customers/${customer_id}/available-credits`, admin)
      expect(credits.data.available_credits).toEqual([
        expect.objectContaining({ source_id: memo, remaining_amount: "900.00" }),
      ])
      const ok = await refund(memo, String(REFUND_LIMIT))
      expect(ok.data.customer_refund).toMatchObject({ status: "posted", total: "500.00" })
      await expectArTiesOut(dbConnection as any)
    })

    it("notifies an external system when a refund is posted (example 3)", async () => {
      const receiver = await webhookReceiver()
      process.env.REFUND_WEBHOOK_URL = receiver.url
      try {
        // Loaded the way Medusa loads a store's src/subscribers.
        await new SubscriberLoader(path.join(EXAMPLES, "subscribers"), {}, container).load()
        const { data } = await refund(await issuedMemo("50"), "20")
        await waitFor(async () => receiver.received.length > 0, { what: "the webhook call" })
        const [payload] = receiver.received
        expect(payload).toEqual({
          number: data.customer_refund.number,
          customer_id,
          currency_code: "usd",
          total: "20",
          method: "check",
          refund_date: date,
        })
        expect(receiver.received).toHaveLength(1)
      } finally {
        receiver.server.close()
        delete process.env.REFUND_WEBHOOK_URL
      }
    })
  },
})
