import { model } from "@medusajs/framework/utils"
import { Account } from "./account"

export const MAPPING_KINDS = ["role", "method", "provider"] as const

/**
 * Which account a posting role (ar, sales, tax…), a refund method (check,
 * card…) or a Medusa payment provider (pp_stripe_stripe…) posts to.
 */
export const AccountMapping = model
  .define(
    { name: "AccountMapping", tableName: "accounting_account_mapping" },
    {
      id: model.id({ prefix: "acmap" }).primaryKey(),
      kind: model.enum([...MAPPING_KINDS]),
      key: model.text(),
      account: model.belongsTo(() => Account, { mappedBy: "mappings" }),
    }
  )
  .indexes([{ on: ["kind", "key"], unique: true, where: "deleted_at IS NULL" }])
