import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { voidWriteOffWorkflow } from "../../../../../workflows/write-offs"
import { actorOf } from "../../../../utils/actor"
import { refetchOr404 } from "../../../../utils/refetch"
import { loadWriteOff } from "../../helpers"
import type { AdminVoidWriteOff } from "../../validators"

/** Voids a write-off: the order owes the amount again. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminVoidWriteOff>>,
  res: MedusaResponse
) => {
  await refetchOr404(req, "write_off", "Write-off")
  await voidWriteOffWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ write_off: await loadWriteOff(req) })
}
