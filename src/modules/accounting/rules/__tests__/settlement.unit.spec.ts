import { Decimal } from "../money"
import { planDisplacement, planNetting, SettleDoc } from "../settlement"

const doc = (id: string, doc_type: string, sign: 1 | -1, open: number, date = "2026-01-01"): SettleDoc => ({
  id,
  doc_type,
  sign,
  open: new Decimal(open),
  document_date: date,
})

describe("settlement", () => {
  it("settles the receivable with adjustments before payments, oldest first", () => {
    const plan = planNetting([
      doc("r", "order", 1, 340),
      doc("p", "payment", -1, 340, "2026-01-02"),
      doc("a", "order_adjustment", -1, 110, "2026-01-05"),
    ])
    expect(plan.map((p) => [p.credit_id, p.debit_id, p.amount.toString()])).toEqual([
      ["a", "r", "110"],
      ["p", "r", "230"],
    ])
  })

  it("pulls back payment applications to make room for a return on a paid order", () => {
    const plan = planDisplacement(
      doc("a", "order_adjustment", -1, 110),
      [doc("r", "order", 1, 0), doc("p", "payment", -1, 0), doc("a", "order_adjustment", -1, 110)],
      [
        {
          id: "app1",
          credit_document_id: "p",
          debit_document_id: "r",
          amount: new Decimal(340),
          kind: "auto",
          created_order: 0,
        },
      ]
    )
    expect(plan.map((p) => [p.application_id, p.release.toString()])).toEqual([["app1", "110"]])
  })

  it("never pulls back what an admin applied or a refund consumed", () => {
    const plan = planDisplacement(
      doc("a", "order_adjustment", -1, 50),
      [doc("r", "order", 1, 0), doc("cm", "credit_memo", -1, 0), doc("a", "order_adjustment", -1, 50)],
      [
        {
          id: "m",
          credit_document_id: "cm",
          debit_document_id: "r",
          amount: new Decimal(100),
          kind: "manual",
          created_order: 0,
        },
      ]
    )
    expect(plan).toEqual([])
  })

  it("settles a refund paid out with the overpayment", () => {
    const plan = planNetting([doc("p", "payment", -1, 110), doc("f", "payment_refund", 1, 110)])
    expect(plan.map((p) => [p.credit_id, p.debit_id, p.amount.toString()])).toEqual([["p", "f", "110"]])
  })
})
