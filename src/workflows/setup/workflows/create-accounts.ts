import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { createAccountsStep, CreateAccountInput } from "../steps/create-accounts"

export const createAccountsWorkflowId = "create-accounting-accounts"

/** Adds accounts to the chart. Hook `accountsCreated`. */
export const createAccountsWorkflow = createWorkflow(
  createAccountsWorkflowId,
  (input: { accounts: CreateAccountInput[] } & Actor) => {
    const accounts = createAccountsStep(input)
    const accountsCreated = createHook("accountsCreated", { accounts })
    return new WorkflowResponse(accounts, { hooks: [accountsCreated] })
  }
)
