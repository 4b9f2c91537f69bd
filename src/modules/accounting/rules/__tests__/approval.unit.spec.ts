import { approvalRequired, draftApprovalStatus } from "../approval"

describe("approvalRequired", () => {
  const thresholds = { customer_refund: { usd: "500.00", jpy: "50000" } }

  it("needs approval only above the threshold of the document's currency", () => {
    expect(approvalRequired(thresholds, "customer_refund", "usd", "500.00")).toBe(false)
    expect(approvalRequired(thresholds, "customer_refund", "USD", "500.01")).toBe(true)
    expect(approvalRequired(thresholds, "customer_refund", "jpy", "50001")).toBe(true)
  })

  it("needs none without a threshold for the type or the currency", () => {
    expect(approvalRequired(thresholds, "customer_refund", "eur", "1000000")).toBe(false)
    expect(approvalRequired(thresholds, "credit_memo", "usd", "1000000")).toBe(false)
    expect(approvalRequired(null, "credit_memo", "usd", "1")).toBe(false)
  })

  it("compares exactly, never through a float", () => {
    expect(approvalRequired({ credit_memo: { usd: "0.3" } }, "credit_memo", "usd", "0.30000000000000001")).toBe(true)
  })

  it("sends every new or changed draft above the threshold back to pending", () => {
    expect(draftApprovalStatus(true)).toBe("pending")
    expect(draftApprovalStatus(false)).toBe("not_required")
  })
})
