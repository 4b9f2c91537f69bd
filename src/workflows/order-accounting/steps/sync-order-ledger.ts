import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { OrderSyncResult } from "../../../modules/accounting/ar/order-sync"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { OrderSnapshot } from "../../../modules/accounting/rules/order-recognition"

export const syncOrderLedgerStepId = "sync-order-ledger"

/**
 * Posts the order's missing entries and AR documents in one transaction.
 * Nothing to compensate: it either commits whole or not at all, and what it
 * posted is only ever corrected by later entries.
 */
export const syncOrderLedgerStep = createStep(
  syncOrderLedgerStepId,
  async (input: { snapshot: OrderSnapshot | null; origin?: string; dry_run?: boolean }, { container }) => {
    if (!input.snapshot) {
      return new StepResponse<OrderSyncResult | null>(null)
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const result = await accounting.syncOrderLedger(input.snapshot, {
      origin: input.origin,
      dry_run: input.dry_run,
    })
    return new StepResponse<OrderSyncResult | null>(result)
  }
)
