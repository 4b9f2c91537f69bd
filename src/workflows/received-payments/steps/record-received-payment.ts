import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

import type {
  ReceivedPaymentContext,
  ReceivedPaymentInput,
} from "../../../modules/accounting/ar/received-payments"

export const recordReceivedPaymentStepId = "record-received-payment"

export type RecordReceivedPaymentStepInput = {
  payment: ReceivedPaymentInput
  medusa_payment?: ReceivedPaymentContext["medusa_payment"]
} & Actor

/**
 * Posts the payment and its allocations in one transaction. Compensation
 * reverses it on its own date (kind `error`): the orders owe again.
 */
export const recordReceivedPaymentStep = createStep(
  recordReceivedPaymentStepId,
  async (input: RecordReceivedPaymentStepInput, { container }) => {
    const result = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .recordReceivedPayment(
        input.payment,
        { medusa_payment: input.medusa_payment ?? null },
        { actor_id: input.actor_id, origin: input.origin }
      )
    return new StepResponse(result, { id: result.id, date: input.payment.payment_date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .reverseReceivedPayment(
          data.id,
          { date: data.date, kind: "error", reason: "Workflow compensation" },
          { origin: "compensation" }
        )
    }
  }
)
