import { createHash } from "crypto"
import path from "path"

/** Options shared by the module's integration tests: real schema, with the guard migration. */
export const moduleTestOptions = {
  moduleName: "accounting",
  // A database per checkout: two working trees testing on one machine never share one.
  dbName: `medusa-accounting-module-${createHash("sha1").update(process.cwd()).digest("hex").slice(0, 8)}`,
  resolve: path.join(__dirname, ".."),
  pathToMigrations: path.join(__dirname, "..", "migrations"),
}

export const ACCOUNTS = {
  bank: "acct_1000",
  ar: "acct_1100",
  undeposited: "acct_1200",
  clearing: "acct_1210",
  tax: "acct_2100",
  deposits: "acct_2200",
  sales: "acct_4000",
  returns: "acct_4100",
  shipping: "acct_4200",
}

/** A cash sale: what a manual entry may post (the AR control account is the subledger's). */
export function cashSaleLines(amount: string) {
  return [
    { account_id: ACCOUNTS.bank, debit: amount },
    { account_id: ACCOUNTS.sales, credit: amount },
  ]
}

export function saleLines(amount: string, customer_id = "cus_1") {
  return [
    { account_id: ACCOUNTS.ar, debit: amount, customer_id },
    { account_id: ACCOUNTS.sales, credit: amount, customer_id },
  ]
}

import type { OrderSnapshot } from "../rules/order-recognition"

/** A Medusa order as the ledger sees it: 2 x 100 at 10% tax + 10 shipping (+1 tax) = 231. */
export function orderSnapshot(over: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: "order_1",
    display_id: 1001,
    status: "pending",
    version: 1,
    currency_code: "usd",
    customer_id: "cus_1",
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    customer_group_ids: [],
    order_date: "2026-01-10",
    change_date: "2026-01-10",
    totals: { item_subtotal: 200, shipping_subtotal: 10, discount_subtotal: 0, tax_total: 21, total: 231 },
    credit_lines: [],
    payments: [],
    ...over,
  }
}

export const payment = (
  captures: { id: string; amount: number; date: string }[],
  refunds: { id: string; amount: number; date: string; customer_refund_id?: string }[] = [],
  provider_id = "pp_system_default"
) => ({ id: "pay_1", provider_id, captures, refunds })

export { arTieOut, expectArTiesOut, glLines } from "../../../../integration-tests/helpers/ledger"
