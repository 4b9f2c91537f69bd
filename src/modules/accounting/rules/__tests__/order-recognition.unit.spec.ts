import {
  OrderSnapshot,
  recognitionLines,
  subtractComponents,
  sumComponents,
  targetComponents,
  serializeComponents,
} from "../order-recognition"
import { signedToLines } from "../balance"

const order = (over: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  id: "order_1",
  status: "pending",
  version: 1,
  currency_code: "usd",
  customer_id: "cus_1",
  customer_group_ids: [],
  order_date: "2026-01-10",
  change_date: "2026-01-10",
  // 2 x 100 at 10% tax, 20 discount, shipping 10 + 1 tax: Medusa's total 209
  totals: { item_subtotal: 200, shipping_subtotal: 10, discount_subtotal: 20, tax_total: 19, total: 209 },
  credit_lines: [],
  payments: [],
  ...over,
})

const accounts = {
  ar: "ar",
  sales: "sales",
  sales_returns: "returns",
  shipping: "ship",
  discounts: "disc",
  tax: "tax",
  customer_deposits: "dep",
  gift_card_liability: "gift",
  rounding: "round",
}

describe("order recognition", () => {
  it("recognises sales, shipping, discounts and tax of a placed order", () => {
    const c = serializeComponents(targetComponents(order()))
    expect(c).toEqual({
      sales: "200",
      gift_cards_sold: "0",
      shipping: "10",
      discounts: "20",
      tax: "19",
      deposits: "0",
      gift_cards_redeemed: "0",
      allowances: "0",
      rounding: "0",
      receivable: "209",
    })
    const lines = signedToLines(recognitionLines(targetComponents(order()), accounts, { canceled: false }))
    expect(lines.map((l) => [l.account_id, l.debit.toString(), l.credit.toString()])).toEqual([
      ["ar", "209", "0"],
      ["sales", "0", "200"],
      ["ship", "0", "10"],
      ["disc", "20", "0"],
      ["tax", "0", "19"],
    ])
  })

  it("posts Medusa's fractional tax with an explicit rounding line", () => {
    const c = targetComponents(
      order({
        totals: {
          item_subtotal: 33.33,
          shipping_subtotal: 0,
          discount_subtotal: 0,
          tax_total: 3.3333,
          total: 36.6633,
        },
      })
    )
    expect([c.tax.toString(), c.receivable.toString(), c.rounding.toString()]).toEqual(["3.33", "36.66", "0"])
    const odd = targetComponents(
      order({
        totals: {
          item_subtotal: 10.005,
          shipping_subtotal: 10.005,
          discount_subtotal: 0,
          tax_total: 0,
          total: 20.01,
        },
      })
    )
    expect([odd.sales.toString(), odd.shipping.toString(), odd.rounding.toString()]).toEqual([
      "10.01",
      "10.01",
      "-0.01",
    ])
  })

  it("separates store credit (deposits) from allowances and leaves out what our memos own", () => {
    const c = targetComponents(
      order({
        totals: {
          item_subtotal: 200,
          shipping_subtotal: 10,
          discount_subtotal: 20,
          tax_total: 19,
          total: 109,
        },
        credit_lines: [
          { reference: "store-credit", amount: 30 },
          { reference: "payment_collection", amount: 70 },
        ],
      }),
      50
    )
    expect([
      c.deposits.toString(),
      c.allowances.toString(),
      c.receivable.toString(),
      c.rounding.toString(),
    ]).toEqual(["30", "20", "159", "0"])
  })

  it("reverses the sale of a canceled order but keeps the store credit it consumed", () => {
    const placed = targetComponents(
      order({
        credit_lines: [{ reference: "store-credit", amount: 9 }],
        totals: {
          item_subtotal: 200,
          shipping_subtotal: 10,
          discount_subtotal: 20,
          tax_total: 19,
          total: 200,
        },
      })
    )
    const canceled = targetComponents(
      order({
        status: "canceled",
        credit_lines: [
          { reference: "store-credit", amount: 9 },
          { reference: "payment_collection", amount: 200 },
        ],
        totals: { item_subtotal: 200, shipping_subtotal: 10, discount_subtotal: 20, tax_total: 19, total: 0 },
      })
    )
    const delta = subtractComponents(canceled, sumComponents([serializeComponents(placed)]))
    expect(serializeComponents(delta)).toEqual({
      sales: "-200",
      gift_cards_sold: "0",
      shipping: "-10",
      discounts: "-20",
      tax: "-19",
      deposits: "0",
      gift_cards_redeemed: "0",
      allowances: "0",
      rounding: "0",
      receivable: "-209",
    })
    const lines = signedToLines(recognitionLines(delta, accounts, { canceled: true }))
    expect(lines.find((l) => l.account_id === "sales")!.debit.toString()).toBe("200")
  })

  it("sends a lowered sale to returns & allowances", () => {
    const before = targetComponents(order())
    const after = targetComponents(
      order({
        version: 2,
        totals: {
          item_subtotal: 100,
          shipping_subtotal: 10,
          discount_subtotal: 10,
          tax_total: 10,
          total: 110,
        },
      })
    )
    const lines = signedToLines(
      recognitionLines(subtractComponents(after, before), accounts, { canceled: false })
    )
    expect(lines.map((l) => [l.account_id, l.debit.toString(), l.credit.toString()])).toEqual([
      ["ar", "0", "99"],
      ["returns", "100", "0"],
      ["disc", "0", "10"],
      ["tax", "9", "0"],
    ])
  })

  it("books a gift card sold as a liability, not sales, and its redemption against that liability", () => {
    const sold = targetComponents(
      order({
        totals: { item_subtotal: 250, shipping_subtotal: 10, discount_subtotal: 20, tax_total: 19, total: 259, gift_card_subtotal: 50 },
      })
    )
    expect([sold.sales.toString(), sold.gift_cards_sold.toString(), sold.receivable.toString()]).toEqual(["200", "50", "259"])
    const lines = signedToLines(recognitionLines(sold, accounts, { canceled: false }))
    expect(lines.find((l) => l.description === "Gift cards sold")).toMatchObject({ account_id: "gift" })
    expect(lines.find((l) => l.description === "Gift cards sold")!.credit.toString()).toBe("50")

    const redeemed = targetComponents(order({ credit_lines: [{ reference: "gift-card", amount: 50 }], totals: { ...order().totals, total: 159 } }))
    expect([redeemed.sales.toString(), redeemed.gift_cards_redeemed.toString(), redeemed.deposits.toString()]).toEqual([
      "200",
      "50",
      "0",
    ])
    const redemption = signedToLines(recognitionLines(redeemed, accounts, { canceled: false }))
    expect(redemption.find((l) => l.description === "Gift cards redeemed")!.debit.toString()).toBe("50")
    // Revenue is recognised once: 200 of goods, not 250.
    expect(redemption.find((l) => l.account_id === "sales")!.credit.toString()).toBe("200")
  })

  it("offsets Medusa's credit line by what our card refunds drew on unknown credits, never beyond that line", () => {
    // Our refund drew 20 on a credit memo, but Medusa added no credit line (it still owed the customer).
    const none = targetComponents(order(), 20)
    expect([none.allowances.toString(), none.receivable.toString(), none.rounding.toString()]).toEqual(["0", "209", "0"])
    // A later native refund makes Medusa add a credit line of 20: it is the memo's, not a second allowance.
    const later = targetComponents(order({ credit_lines: [{ reference: "refund", amount: 20 }], totals: { ...order().totals, total: 189 } }), 20)
    expect([later.allowances.toString(), later.receivable.toString()]).toEqual(["0", "209"])
    // Beyond what our refunds drew, a credit line is an allowance.
    const more = targetComponents(order({ credit_lines: [{ reference: "refund", amount: 30 }], totals: { ...order().totals, total: 179 } }), 20)
    expect([more.allowances.toString(), more.receivable.toString()]).toEqual(["10", "199"])
  })

  it("refuses a rounding above half a minor unit per component as a posting error", () => {
    const mismatch = () =>
      targetComponents(order({ totals: { ...order().totals, total: 239 } }))
    expect(mismatch).toThrow(expect.objectContaining({ code: "ROUNDING_EXCEEDS_TOLERANCE" }))
    expect(() => targetComponents(order({ totals: { ...order().totals, total: 209.04 } }))).not.toThrow()
    expect(() => targetComponents(order({ totals: { ...order().totals, total: 209.05 } }))).toThrow()
  })
})
