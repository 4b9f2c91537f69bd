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

const META: unique symbol = Symbol.for("medusa-accounting-ar.openapi")

/** A middleware describeMiddleware marked (any other value has no mark). */
type Described = { [META]?: OpenApiMeta }

export function describeMiddleware<F extends (...args: any[]) => any>(fn: F, meta: OpenApiMeta): F {
  // Any function may carry the mark (the key is optional): F & Described is F once marked.
  ;(fn as F & Described)[META] = meta
  return fn
}

export function middlewareMeta(fn: unknown): OpenApiMeta | undefined {
  // Any value may be asked; only what describeMiddleware marked has META (else undefined).
  return (fn as Described | null | undefined)?.[META]
}
