import type { AuthenticatedMedusaRequest } from "@medusajs/framework/http"
import { refetchEntity } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** One resource by id with the request's fields, or 404 naming it. */
export async function refetchOr404(
  req: AuthenticatedMedusaRequest<any>,
  entity: string,
  label: string,
  id: string = req.params.id
) {
  const resource = await refetchEntity({
    entity,
    idOrFilter: id,
    scope: req.scope,
    fields: req.queryConfig.fields,
  })
  if (!resource) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${label} ${id} was not found`)
  }
  return resource
}
