import type { ArDocRow } from "../documents"
import { mayTransfer } from "../order-transfer"

const doc = (over: Partial<ArDocRow>) =>
  ({ doc_type: "order", customer_id: "cus_1", void_date: null, ...over }) as ArDocRow

describe("mayTransfer: when the sync takes the locked read of a transfer", () => {
  it("skips it when every order document is the order's customer's, voided, or the customer's own memo", () => {
    expect(mayTransfer([], "cus_1")).toBe(false)
    expect(mayTransfer([doc({}), doc({ doc_type: "payment" })], "cus_1")).toBe(false)
    expect(mayTransfer([doc({ customer_id: "cus_2", void_date: "2026-01-10" })], "cus_1")).toBe(false)
    expect(mayTransfer([doc({ doc_type: "credit_memo", customer_id: "cus_2" })], "cus_1")).toBe(false)
  })

  it("takes it when a movable document is another customer's, open or not (the read checks what is open)", () => {
    for (const doc_type of ["order", "order_adjustment", "payment", "payment_refund", "transfer"]) {
      expect(mayTransfer([doc({}), doc({ doc_type, customer_id: "cus_2" })], "cus_1")).toBe(true)
    }
  })
})
