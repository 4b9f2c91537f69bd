import { payoutDay, payoutsFromRows, STRIPE_PAYOUT_MAPPING } from "../payout-input"

const record = (line: number, values: Record<string, string>) => ({ line, values })
const stripeRow = (line: number, over: Record<string, string> = {}) =>
  record(line, {
    automatic_payout_id: "po_1",
    automatic_payout_effective_at: "2026-02-01 03:00:00",
    currency: "usd",
    gross: "100.00",
    fee: "3.20",
    net: "96.80",
    reporting_category: "charge",
    payment_intent_id: "pi_1",
    description: "",
    ...over,
  })
const options = { provider_id: "pp_stripe_stripe", timezone: "America/New_York" }

describe("payout rows", () => {
  it("dates a payout effective 03:00 UTC on 1 February on New York's 31 January", () => {
    expect(payoutDay("2026-02-01 03:00:00", "America/New_York")).toBe("2026-01-31")
    expect(payoutDay("2026-02-01", "America/New_York")).toBe("2026-02-01")
    expect(payoutDay("01/02/2026", "UTC")).toBeNull()
  })

  it("groups the rows of a payout with exact amounts", () => {
    const { payouts, errors } = payoutsFromRows(
      [stripeRow(2), stripeRow(3, { gross: "-10", fee: "0", net: "-10", reporting_category: "refund", payment_intent_id: "pi_2" })],
      STRIPE_PAYOUT_MAPPING,
      options
    )
    expect(errors).toEqual([])
    expect(payouts).toEqual([
      {
        provider_id: "pp_stripe_stripe",
        provider_payout_id: "po_1",
        currency_code: "usd",
        payout_date: "2026-01-31",
        rows: [2, 3],
        lines: [
          { reporting_category: "charge", provider_payment_id: "pi_1", description: null, gross: "100", fee: "3.2" },
          { reporting_category: "refund", provider_payment_id: "pi_2", description: null, gross: "-10", fee: "0" },
        ],
      },
    ])
  })

  it("refuses each bad line: amount, net not gross less fee, currency mismatch within a payout", () => {
    const { errors } = payoutsFromRows(
      [
        stripeRow(2),
        stripeRow(3, { gross: "1,000.00" }),
        stripeRow(4, { net: "97.00" }),
        stripeRow(5, { currency: "eur" }),
        stripeRow(6, { automatic_payout_id: "" }),
      ],
      STRIPE_PAYOUT_MAPPING,
      options
    )
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [3, "gross"],
      [4, "net"],
      [5, "currency"],
      [6, "payout_id"],
    ])
    expect(errors[2].message).toContain("currency mismatch")
  })
})
