import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { ImportGroup } from "../../../modules/accounting/ar/customer-refunds"
import { loadPayments } from "../../../lib/payments"
import { loadRefundContext } from "../../../lib/refund-context"

export const loadImportContextStepId = "load-customer-refund-import-context"

/**
 * The refund context of a whole import in two queries: the store-credit
 * accounts every line draws on, and each card refund's Medusa payment.
 */
export const loadImportContextStep = createStep(
  loadImportContextStepId,
  async (input: { groups: ImportGroup[] }, { container }) => {
    const context = await loadRefundContext(container, { lines: input.groups.flatMap((g) => g.input.lines) })
    const payments = await loadPayments(
      container,
      input.groups.flatMap((g) => (g.input.payment_id ? [g.input.payment_id] : []))
    )
    const groups = input.groups.map((g) =>
      g.input.payment_id ? { ...g, payment: payments.get(g.input.payment_id) ?? null } : g
    )
    return new StepResponse({ groups, context })
  }
)
