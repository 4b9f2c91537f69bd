import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { PeriodInput } from "../../../modules/accounting/ledger/periods"
import { createAccountingPeriodStep } from "../steps/create-period"

export const createAccountingPeriodWorkflowId = "create-accounting-period"

/** Hook `periodCreated`. */
export const createAccountingPeriodWorkflow = createWorkflow(
  createAccountingPeriodWorkflowId,
  (input: PeriodInput & Actor) => {
    const period = createAccountingPeriodStep(input)
    const periodCreated = createHook("periodCreated", { period })
    return new WorkflowResponse(period, { hooks: [periodCreated] })
  }
)
