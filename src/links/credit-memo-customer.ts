import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import AccountingModule from "../modules/accounting"

/** Read-only: query.graph answers the creditMemo's customer without a second query per row. */
export default defineLink(
  { linkable: AccountingModule.linkable.creditMemo, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true, isList: false }
)
