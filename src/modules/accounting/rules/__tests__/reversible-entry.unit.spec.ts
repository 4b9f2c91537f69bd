import { isPostedBySubledger, isReversibleByHand } from "../reversible-entry"

describe("reversible entry", () => {
  it("lets a posted manual entry be reversed by hand", () => {
    expect(isReversibleByHand({ status: "posted", source_type: null })).toBe(true)
    expect(isReversibleByHand({ status: "posted", source_type: "journal_entry" })).toBe(true)
  })

  it("refuses entries an order, credit memo or refund posted", () => {
    for (const source_type of ["order", "credit_memo", "customer_refund", "payment"]) {
      expect(isPostedBySubledger({ source_type })).toBe(true)
      expect(isReversibleByHand({ status: "posted", source_type })).toBe(false)
    }
  })

  it("refuses drafts and entries already reversed", () => {
    expect(isReversibleByHand({ status: "draft", source_type: null })).toBe(false)
    expect(isReversibleByHand({ status: "reversed", source_type: null })).toBe(false)
  })
})
