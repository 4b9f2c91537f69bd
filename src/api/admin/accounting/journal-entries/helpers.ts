import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { refetchOr404 } from "../../../utils/refetch"

export const loadJournalEntry = (req: AuthenticatedMedusaRequest<any>, id?: string) =>
  refetchOr404(req, "journal_entry", "Journal entry", id)
