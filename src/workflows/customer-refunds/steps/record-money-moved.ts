import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { settlePayout } from "../payout/evidence"

export const recordMoneyMovedStepId = "record-customer-refund-money-moved"

/**
 * After the payout: reads it back and marks the refund money_moved, from
 * which it can only complete (see settlePayout).
 */
export const recordMoneyMovedStep = createStep(recordMoneyMovedStepId, async (input: { id: string }, { container }) => {
  return new StepResponse(await settlePayout(container, input.id))
})
