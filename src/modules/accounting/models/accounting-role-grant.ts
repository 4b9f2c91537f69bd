import { model } from "@medusajs/framework/utils"

/** An admin user holding a role. Only holders of access:manage write these rows. */
export const AccountingRoleGrant = model
  .define(
    { name: "AccountingRoleGrant", tableName: "accounting_role_grant" },
    {
      id: model.id({ prefix: "agrant" }).primaryKey(),
      user_id: model.text(),
      role_id: model.text(),
      granted_by: model.text().nullable(),
    }
  )
  .indexes([{ on: ["user_id", "role_id"], unique: true }, { on: ["role_id"] }])
