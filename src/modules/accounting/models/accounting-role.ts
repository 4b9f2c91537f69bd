import { model } from "@medusajs/framework/utils"

/** A named set of accounting permissions (rules/permissions.ts), granted to admin users. */
export const AccountingRole = model
  .define(
    { name: "AccountingRole", tableName: "accounting_role" },
    {
      id: model.id({ prefix: "arole" }).primaryKey(),
      name: model.text(),
      description: model.text().nullable(),
      permissions: model.json(),
    }
  )
  .indexes([{ on: ["name"], unique: true, where: "deleted_at IS NULL" }])
