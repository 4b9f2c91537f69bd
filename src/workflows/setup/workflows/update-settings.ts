import { createHook, createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { SettingsUpdate } from "../../../modules/accounting/ledger/settings"
import { updateAccountingSettingsStep } from "../steps/update-settings"

export const updateAccountingSettingsWorkflowId = "update-accounting-settings"

/** Account mappings, sequences, payment terms, aging buckets. Hook `settingsUpdated`. */
export const updateAccountingSettingsWorkflow = createWorkflow(
  updateAccountingSettingsWorkflowId,
  (input: { update: SettingsUpdate } & Actor) => {
    const settings = updateAccountingSettingsStep(input)
    const settingsUpdated = createHook("settingsUpdated", { settings })
    return new WorkflowResponse(settings, { hooks: [settingsUpdated] })
  }
)
