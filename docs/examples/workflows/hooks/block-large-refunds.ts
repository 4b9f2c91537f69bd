import { MedusaError } from "@medusajs/framework/utils"
import BigNumber from "bignumber.js"
import { postCustomerRefundWorkflow } from "medusa-accounting-ar/workflows"

/** Refunds above this amount (in the refund's currency) need another way. */
export const REFUND_LIMIT = 500

// Runs before anything is reserved or paid out: throwing refuses the refund.
postCustomerRefundWorkflow.hooks.refundValidated(async ({ refund }) => {
  if (new BigNumber(refund.total).gt(REFUND_LIMIT)) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Refunds above ${REFUND_LIMIT} ${refund.currency_code.toUpperCase()} need a finance manager's approval`
    )
  }
})
