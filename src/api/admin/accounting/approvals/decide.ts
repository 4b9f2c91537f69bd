import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import type { ApprovalDocumentType } from "../../../../modules/accounting/rules/approval"
import { approveDocumentWorkflow, rejectDocumentWorkflow } from "../../../../workflows/approvals"
import { actorOf } from "../../../utils/actor"
import type { AdminRejectDocument } from "./validators"

type Load = (req: AuthenticatedMedusaRequest<any>) => Promise<unknown>

/**
 * The approve and reject routes of one document type: run the workflow,
 * answer with the document as its own routes show it (`{ [key]: document }`).
 */
export function approvalRoutes(document_type: ApprovalDocumentType, key: string, load: Load) {
  return {
    approve: async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
      await approveDocumentWorkflow(req.scope).run({
        input: { document_type, id: req.params.id, ...actorOf(req) },
      })
      res.json({ [key]: await load(req) })
    },
    reject: async (
      req: AuthenticatedMedusaRequest<z.infer<typeof AdminRejectDocument>>,
      res: MedusaResponse
    ) => {
      await rejectDocumentWorkflow(req.scope).run({
        input: { document_type, id: req.params.id, reason: req.validatedBody.reason, ...actorOf(req) },
      })
      res.json({ [key]: await load(req) })
    },
  }
}
