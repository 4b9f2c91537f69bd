import { AccountingError } from "../../modules/accounting/errors"
import { accountingErrorHandler } from "../utils/error-handler"

/** The handler's answer to `err` on `url`, as status, headers and body. */
function answer(err: unknown, url = "/admin/customer-refunds") {
  const out = { status: 0, headers: {} as Record<string, string>, body: undefined as any }
  const res: any = {
    status: (s: number) => ((out.status = s), res),
    json: (b: unknown) => ((out.body = b), res),
    setHeader: (k: string, v: string) => (out.headers[k] = v),
  }
  const req: any = { originalUrl: url, method: "POST", scope: { resolve: () => ({ info() {}, error() {} }) } }
  accountingErrorHandler()(err, req, res, () => {})
  return out
}

describe("accountingErrorHandler", () => {
  it("answers a business-rule refusal with its own status and code", () => {
    expect(answer(new AccountingError("REFUND_EXCEEDS_CREDIT", "only 40 left"))).toMatchObject({
      status: 422,
      body: { type: "not_allowed", code: "REFUND_EXCEEDS_CREDIT", message: "only 40 left" },
    })
  })

  it("answers a lock timeout or deadlock with 409 LOCK_TIMEOUT", () => {
    expect(answer({ code: "55P03" })).toMatchObject({ status: 409, body: { code: "LOCK_TIMEOUT" } })
    expect(answer({ cause: { code: "40P01" } })).toMatchObject({ status: 409, body: { code: "LOCK_TIMEOUT" } })
  })

  it("answers a lost Redis with 503 SERVICE_UNAVAILABLE and Retry-After on the plugin's routes", () => {
    const lost = Object.assign(new Error("Reached the max retries per request limit (which is 20)."), {
      name: "MaxRetriesPerRequestError",
    })
    for (const err of [lost, new Error("Connection is closed."), { cause: lost }]) {
      expect(answer(err, "/admin/accounting/journal-entries")).toMatchObject({
        status: 503,
        headers: { "Retry-After": "5" },
        body: { code: "SERVICE_UNAVAILABLE" },
      })
    }
  })

  it("leaves every other route to Medusa's own error handler", () => {
    const lost = new Error("Connection is closed.")
    const out = answer(lost, "/admin/orders")
    expect(out.body?.code).not.toBe("SERVICE_UNAVAILABLE")
    expect(answer({ code: "55P03", message: "lock" }, "/admin/products").body?.code).not.toBe("LOCK_TIMEOUT")
  })

  it("answers a refusal of the database's guard triggers with its code, never a 500", () => {
    const trigger = {
      code: "23514",
      message: "update accounting_credit_memo set ... - IMMUTABLE: issued credit memo cmemo_1 cannot be changed",
    }
    expect(answer(trigger)).toMatchObject({
      status: 409,
      body: { code: "IMMUTABLE", message: "issued credit memo cmemo_1 cannot be changed" },
    })
    const check = { code: "23514", constraint: "accounting_ar_document_open_within_amount", message: "x" }
    expect(answer(check)).toMatchObject({ status: 409, body: { code: "INTEGRITY_VIOLATION" } })
  })

  it("answers unreadable JSON and oversized bodies on our routes as bad input", () => {
    const parse = Object.assign(new Error("Unexpected end of JSON input"), { status: 400, expose: true })
    expect(answer(parse)).toMatchObject({ status: 400, body: { code: "MALFORMED_BODY" } })
    const big = Object.assign(new Error("request entity too large"), { status: 413, expose: true })
    expect(answer(big)).toMatchObject({ status: 413, body: { code: "PAYLOAD_TOO_LARGE" } })
  })
})
