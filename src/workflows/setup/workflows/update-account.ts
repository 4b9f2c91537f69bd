import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { updateAccountStep, UpdateAccountInput } from "../steps/update-account"

export const updateAccountWorkflowId = "update-accounting-account"

/** Hook `accountUpdated`. */
export const updateAccountWorkflow = createWorkflow(updateAccountWorkflowId, (input: UpdateAccountInput) => {
  const account = updateAccountStep(input)
  const accountUpdated = createHook("accountUpdated", { account })
  return new WorkflowResponse(account, { hooks: [accountUpdated] })
})
