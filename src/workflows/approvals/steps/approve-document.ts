import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type { ApprovalDocumentType } from "../../../modules/accounting/rules/approval"
import type AccountingModuleService from "../../../modules/accounting/service"

export const approveDocumentStepId = "approve-accounting-document"

export type ApprovalInput = { document_type: ApprovalDocumentType; id: string } & Actor

/** Approves a draft above its threshold (never by its creator); compensation puts the previous state back. */
export const approveDocumentStep = createStep(
  approveDocumentStepId,
  async (input: ApprovalInput, { container }) => {
    const before = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .approveDocument(input.document_type, input.id, { actor_id: input.actor_id, origin: input.origin })
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
