import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reverseJournalEntryWorkflow } from "../../../../../../workflows/journal"
import { actorOf } from "../../../../../utils/actor"
import { loadJournalEntry } from "../../helpers"
import type { AdminReverseJournalEntry } from "../../validators"

export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminReverseJournalEntry>>,
  res: MedusaResponse
) => {
  await loadJournalEntry(req)
  const { result } = await reverseJournalEntryWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({
    journal_entry: await loadJournalEntry(req),
    reversal: await loadJournalEntry(req, result.reversal.id),
  })
}
