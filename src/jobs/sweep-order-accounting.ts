import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepChangedOrders } from "../workflows/order-accounting/sweep-orders"

/**
 * Safety net for changes Medusa announces with no event (order credit lines)
 * and for events lost in transit: syncs orders changed since the last sweep.
 */
export default async function sweepOrderAccounting(container: MedusaContainer) {
  await sweepChangedOrders(container)
}

export const config = {
  name: "accounting-sweep-orders",
  // Cron; every 10 minutes unless ACCOUNTING_SWEEP_SCHEDULE says otherwise.
  schedule: process.env.ACCOUNTING_SWEEP_SCHEDULE || "*/10 * * * *",
}
