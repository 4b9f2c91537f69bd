import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { bulkWriteOffWorkflow } from "../../../../workflows/write-offs"
import { actorOf } from "../../../utils/actor"
import { withNames } from "../helpers"
import type { AdminBulkWriteOff } from "../validators"

/** Small-balance write-off: every order owing at most `threshold`, in one batch. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminBulkWriteOff>>,
  res: MedusaResponse
) => {
  const { result } = await bulkWriteOffWorkflow(req.scope).run({
    input: { bulk: req.validatedBody, ...actorOf(req) },
  })
  const { data } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "write_off",
    fields: req.queryConfig.fields,
    filters: { id: result.ids },
  })
  res.json({ batch_id: result.batch_id, write_offs: await withNames(req, data), count: data.length })
}
