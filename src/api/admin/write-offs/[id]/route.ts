import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { deleteWriteOffDraftWorkflow } from "../../../../workflows/write-offs"
import { actorOf } from "../../../utils/actor"
import { loadWriteOff } from "../helpers"

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  res.json({ write_off: await loadWriteOff(req) })
}

/** Deletes a draft (awaiting approval or rejected); a posted write-off answers 409 ALREADY_POSTED (void it). */
export const DELETE = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await loadWriteOff(req)
  await deleteWriteOffDraftWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ id: req.params.id, object: "write_off", deleted: true })
}
