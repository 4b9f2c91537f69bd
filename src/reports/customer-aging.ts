import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import type AccountingModuleService from "../modules/accounting/service"
import { agingSql, bucketLabels } from "./definitions/ar-aging"

export type CustomerAging = {
  currency_code: string
  buckets: { label: string; amount: string }[]
  total: string
}

/** One customer's aging per currency, in the store's buckets, as of today (the customer widget). */
export async function customerAging(
  knex: Knex,
  accounting: AccountingModuleService,
  customerId: string
): Promise<CustomerAging[]> {
  const { aging_buckets } = await accounting.getPostingSettings()
  const as_of = (await accounting.getClock()).today
  const params = {
    as_of,
    basis: "due" as const,
    buckets: aging_buckets,
    detail: false,
    customer_id: customerId,
  }
  const { rows } = await knex.raw(agingSql(params, false), { as_of, customer_id: customerId })
  const labels = bucketLabels(aging_buckets)
  return rows.map((r: Record<string, string>) => ({
    currency_code: r.currency_code,
    buckets: labels.map((label, i) => ({ label, amount: r[`bucket_${i}`] })),
    total: r.total,
  }))
}
