import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { importCustomerRefundsWorkflow } from "../../../../workflows/customer-refunds"
import { actorOf } from "../../../utils/actor"
import { parseImportFile } from "./parse-file"

/**
 * Imports draft refunds from a CSV (multipart field `file`; columns in
 * docs/customer-refunds-import.csv). Every line is checked; any error creates
 * nothing (422 with the errors by line and field) unless ?partial=true.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const file = (req as { file?: { buffer: Buffer } }).file
  if (!file) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: file: attach the CSV as the multipart field 'file'"
    )
  }
  const { groups, errors } = parseImportFile(file.buffer)
  const partial = (req.validatedQuery as { partial?: string }).partial === "true"
  const { result } = await importCustomerRefundsWorkflow(req.scope).run({
    input: { groups, errors, partial, ...actorOf(req, "import") },
  })
  if (result.errors.length && !partial) {
    res.status(422).json({
      type: "not_allowed",
      code: "IMPORT_REJECTED",
      message: `${result.errors.length} error(s); nothing was imported`,
      created: [],
      errors: result.errors,
    })
    return
  }
  const { data } = result.created.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer_refund",
        fields: req.queryConfig.fields,
        filters: { id: result.created },
      })
    : { data: [] }
  const byId = new Map(data.map((r) => [r.id, r]))
  res.json({ created: result.created.map((id) => byId.get(id)), errors: result.errors })
}
