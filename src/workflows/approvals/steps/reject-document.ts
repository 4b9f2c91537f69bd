import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type AccountingModuleService from "../../../modules/accounting/service"
import type { ApprovalInput } from "./approve-document"

export const rejectDocumentStepId = "reject-accounting-document"

/** Sends a draft back with a reason; compensation puts the previous state back. */
export const rejectDocumentStep = createStep(
  rejectDocumentStepId,
  async (input: ApprovalInput & { reason: string }, { container }) => {
    const before = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .rejectDocument(input.document_type, input.id, input.reason, {
        actor_id: input.actor_id,
        origin: input.origin,
      })
    return new StepResponse({ id: input.id, document_type: input.document_type }, { ...input, before })
  },
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .restoreApproval(undo.document_type, undo.id, undo.before, { origin: "compensation" })
    }
  }
)
