import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import AccountingModule from "../modules/accounting"

/** Read-only: query.graph answers the arDocument's order without a second query per row. */
export default defineLink(
  { linkable: AccountingModule.linkable.arDocument, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true, isList: false }
)
