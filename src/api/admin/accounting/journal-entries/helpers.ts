import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { refetchOr404 } from "../../../utils/refetch"
import { withLineReferences } from "./entry-context"

/** One entry with its lines' customers and orders by name, and whether it may be reversed by hand. */
export const loadJournalEntry = async (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  withLineReferences(req.scope, await refetchOr404(req, "journal_entry", "Journal entry", id))
