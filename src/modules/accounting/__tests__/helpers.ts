import path from "path"

/** Options shared by the module's integration tests: real schema, with the guard migration. */
export const moduleTestOptions = {
  moduleName: "accounting",
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

export function saleLines(amount: string, customer_id = "cus_1") {
  return [
    { account_id: ACCOUNTS.ar, debit: amount, customer_id },
    { account_id: ACCOUNTS.sales, credit: amount, customer_id },
  ]
}
