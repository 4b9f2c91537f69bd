import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

import type { PaymentReversalInput } from "../../../modules/accounting/ar/received-payments"

export const reverseReceivedPaymentStepId = "reverse-received-payment"

/** Posts the mirror entry and reopens the orders. Final, like any reversal. */
export const reverseReceivedPaymentStep = createStep(
  reverseReceivedPaymentStepId,
  async (input: { id: string } & PaymentReversalInput & Actor, { container }) => {
    const { id, actor_id, origin, ...reversal } = input
    await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .reverseReceivedPayment(id, reversal, { actor_id, origin })
    return new StepResponse(id)
  }
)
