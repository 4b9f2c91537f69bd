import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { deleteJournalEntryWorkflow, updateJournalEntryWorkflow } from "../../../../../workflows/journal"
import { actorOf } from "../../../../utils/actor"
import { loadJournalEntry } from "../helpers"
import type { AdminUpdateJournalEntry } from "../validators"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ journal_entry: await loadJournalEntry(req) })
}

/** Edits a draft; a posted entry answers 409 IMMUTABLE. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminUpdateJournalEntry>>,
  res: MedusaResponse
) => {
  await loadJournalEntry(req)
  await updateJournalEntryWorkflow(req.scope).run({
    input: { id: req.params.id, update: req.validatedBody, ...actorOf(req) },
  })
  res.json({ journal_entry: await loadJournalEntry(req) })
}

/** Deletes a draft; a posted entry answers 409 IMMUTABLE. */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await loadJournalEntry(req)
  await deleteJournalEntryWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "journal_entry", deleted: true })
}
