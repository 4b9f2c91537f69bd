import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { postWriteOffWorkflow } from "../../../../../workflows/write-offs"
import { actorOf } from "../../../../utils/actor"
import { loadWriteOff } from "../../helpers"

/** Posts a draft write-off once a second user approved it (409 APPROVAL_REQUIRED before). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  await loadWriteOff(req)
  await postWriteOffWorkflow(req.scope).run({ input: { id: req.params.id, ...actorOf(req) } })
  res.json({ write_off: await loadWriteOff(req) })
}
