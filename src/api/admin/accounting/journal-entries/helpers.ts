import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

export async function loadJournalEntry(req: AuthenticatedMedusaRequest<any>, id = req.params.id) {
  const journal_entry = await refetchEntity({
    entity: "journal_entry",
    idOrFilter: id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  if (!journal_entry) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Journal entry ${id} was not found`)
  }
  return journal_entry
}
