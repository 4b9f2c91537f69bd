import {
  validateAndTransformQuery as medusaValidateAndTransformQuery,
  type MedusaNextFunction,
  type MedusaRequest,
  type MedusaResponse,
} from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import type { z } from "@medusajs/framework/zod"
import { describeMiddleware } from "./openapi-meta"

/** "lines.0.amount: must be …" for every issue, so the message names the field. */
export function formatZodIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.join(".")
      if (issue.code === "unrecognized_keys") {
        return `Unrecognized field(s): ${issue.keys.map((k) => (path ? `${path}.${k}` : k)).join(", ")}`
      }
      if (issue.code === "invalid_type" && issue.input === undefined) {
        return `${path}: is required`
      }
      return `${path || "body"}: ${issue.message}`
    })
    .join("; ")
}

function parseOrThrow<T extends z.ZodTypeAny>(schema: T, data: unknown): z.output<T> {
  const result = schema.safeParse(data)
  if (!result.success) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid request: ${formatZodIssues(result.error.issues)}`
    )
  }
  return result.data
}

/** Body validation for our routes (strict schemas; nothing is written on failure). */
export function validateBody<T extends z.ZodTypeAny>(schema: T) {
  return describeMiddleware(
    (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
      try {
        req.validatedBody = parseOrThrow(schema, req.body ?? {})
        next()
      } catch (e) {
        next(e)
      }
    },
    { body: schema }
  )
}

/** Query validation for routes that are not plain lists (reports, available credits). */
export function validateQuery<T extends z.ZodTypeAny>(schema: T) {
  return describeMiddleware(
    (req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) => {
      try {
        ;(req as { validatedQuery?: unknown }).validatedQuery = parseOrThrow(schema, req.query ?? {})
        next()
      } catch (e) {
        next(e)
      }
    },
    { query: schema }
  )
}

/** Medusa's list/retrieve query validation (fields, pagination), described for OpenAPI. */
export function validateAndTransformQuery<T extends z.ZodObject<any>>(
  schema: T,
  config: Parameters<typeof medusaValidateAndTransformQuery>[1]
): (req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) => Promise<void> {
  return describeMiddleware(medusaValidateAndTransformQuery(schema, config), { query: schema })
}
