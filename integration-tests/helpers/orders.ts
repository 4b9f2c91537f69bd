import type { MedusaContainer } from "@medusajs/framework/types"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type { OrderSnapshot } from "../../src/modules/accounting/rules/order-recognition"
import type AccountingModuleService from "../../src/modules/accounting/service"

/**
 * An order as the ledger sees it, without Medusa's order flows: for tests
 * about the ledger itself. No tax or shipping. `display_id` defaults to the
 * id, `payments` to one payment with nothing captured or refunded.
 */
export function orderSnapshot(input: {
  id: string
  customer_id: string
  currency_code: string
  total: string | number
  date: string
  display_id?: OrderSnapshot["display_id"]
  payments?: OrderSnapshot["payments"]
}): OrderSnapshot {
  return {
    id: input.id,
    display_id: input.display_id ?? input.id,
    status: "pending",
    version: 1,
    currency_code: input.currency_code,
    customer_id: input.customer_id,
    customer_group_ids: [],
    order_date: input.date,
    change_date: input.date,
    totals: {
      item_subtotal: input.total,
      shipping_subtotal: 0,
      discount_subtotal: 0,
      tax_total: 0,
      total: input.total,
    },
    credit_lines: [],
    payments: input.payments ?? [
      { id: `pay_${input.id}`, provider_id: "pp_system_default", captures: [], refunds: [] },
    ],
  }
}

/** Posts the snapshot as the order subscriber would. */
export async function syncSnapshot(container: MedusaContainer, snapshot: OrderSnapshot) {
  return await container
    .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    .syncOrderLedger(snapshot, { force: true, origin: "test" })
}
