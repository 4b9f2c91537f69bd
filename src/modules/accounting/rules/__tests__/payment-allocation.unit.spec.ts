import { allocateOldestDueFirst, assertAllocationsWithinPayment } from "../payment-allocation"
import { toDecimal } from "../money"

const orders = [
  { order_id: "order_b", date: "2026-06-02", due_date: "2026-07-02", open_amount: "50.00" },
  { order_id: "order_a", date: "2026-06-05", due_date: "2026-06-20", open_amount: "30.10" },
  { order_id: "order_c", date: "2026-06-01", due_date: "2026-07-02", open_amount: "40" },
]
const plain = (rows: { order_id: string; amount: any }[]) => rows.map((r) => [r.order_id, r.amount.toString()])

describe("allocateOldestDueFirst", () => {
  it("settles the oldest due first, then the oldest date, and leaves the rest unapplied", () => {
    expect(plain(allocateOldestDueFirst("100.15", orders))).toEqual([
      ["order_a", "30.1"],
      ["order_c", "40"],
      ["order_b", "30.05"],
    ])
  })
  it("stops at what the orders owe", () => {
    expect(plain(allocateOldestDueFirst("500", orders)).map(([, a]) => a)).toEqual(["30.1", "40", "50"])
  })
  it("allocates nothing when nothing is open", () => {
    expect(allocateOldestDueFirst("10", [])).toEqual([])
  })
})

describe("assertAllocationsWithinPayment", () => {
  it("refuses allocations above the payment", () => {
    expect(() =>
      assertAllocationsWithinPayment("50", [
        { order_id: "a", amount: toDecimal("30") },
        { order_id: "b", amount: toDecimal("20.01") },
      ])
    ).toThrow(expect.objectContaining({ code: "ALLOCATION_EXCEEDS_PAYMENT" }))
  })
  it("refuses one order twice", () => {
    expect(() =>
      assertAllocationsWithinPayment("50", [
        { order_id: "a", amount: toDecimal("1") },
        { order_id: "a", amount: toDecimal("1") },
      ])
    ).toThrow(expect.objectContaining({ code: "ALLOCATION_EXCEEDS_PAYMENT" }))
  })
})
