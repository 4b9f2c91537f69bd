import type { z } from "@medusajs/framework/zod"

/**
 * What a middleware tells the OpenAPI generator (docs/openapi.json) about a
 * route: its body or query schema, the permission it needs, a file upload.
 */
export type OpenApiMeta = {
  body?: z.ZodTypeAny
  query?: z.ZodTypeAny
  permission?: string
  upload?: string
}

const META = Symbol.for("medusa-accounting-ar.openapi")

export function describeMiddleware<F extends (...args: any[]) => any>(fn: F, meta: OpenApiMeta): F {
  ;(fn as any)[META] = meta
  return fn
}

export function middlewareMeta(fn: unknown): OpenApiMeta | undefined {
  return (fn as any)?.[META]
}
