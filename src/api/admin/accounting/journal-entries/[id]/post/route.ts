import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { postJournalEntryWorkflow } from "../../../../../../workflows/journal"
import { actorOf } from "../../../../../utils/actor"
import { loadJournalEntry } from "../../helpers"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await loadJournalEntry(req)
  await postJournalEntryWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ journal_entry: await loadJournalEntry(req) })
}
