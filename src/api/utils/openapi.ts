import type { MiddlewareRoute } from "@medusajs/framework/http"
import { z } from "@medusajs/framework/zod"
import { readdirSync, readFileSync, statSync } from "fs"
import path from "path"
import { AccountingErrorCodes } from "../../modules/accounting/errors"
import { middlewareMeta, OpenApiMeta } from "./openapi-meta"

const METHODS = ["GET", "POST", "DELETE"] as const
type Method = (typeof METHODS)[number]

/** Codes our error handler adds besides the business-rule ones (docs/API.md). */
const HANDLER_CODES = [
  "INVALID_DATA",
  "NOT_FOUND",
  "NOT_ALLOWED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "PERMISSION_DENIED",
  "DUPLICATE_ERROR",
  "MALFORMED_BODY",
  "PAYLOAD_TOO_LARGE",
  "FILE_TOO_LARGE",
  "INVALID_UPLOAD",
]

type RouteFile = {
  path: string
  methods: Method[]
  docs: Partial<Record<Method, string>>
  /** The response type each method declares (`MedusaResponse<AdminCreditMemoResponse>`), from src/types/http. */
  responses: Partial<Record<Method, string>>
}

/** Route files under `dir`, as OpenAPI paths with their exported methods and doc comments. */
export function routeFiles(dir: string, base = "/admin"): RouteFile[] {
  const found: RouteFile[] = []
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) {
      found.push(...routeFiles(full, `${base}/${name.replace(/^\[(.+)\]$/, "{$1}")}`))
    } else if (name === "route.ts") {
      const source = readFileSync(full, "utf8")
      const methods = METHODS.filter((m) => new RegExp(`export (const|async function) ${m}\\b`).test(source))
      const docs: Partial<Record<Method, string>> = {}
      const responses: Partial<Record<Method, string>> = {}
      for (const m of methods) {
        const typed = new RegExp(`export const ${m} = async \\([^)]*?res: MedusaResponse<(\\w+)`).exec(source)
        if (typed) {
          responses[m] = typed[1]
        }
        // The doc comment right above the export: its text never contains "*/".
        const doc = new RegExp(
          `/\\*\\*((?:(?!\\*/)[^])*)\\*/\\s*export (?:const|async function) ${m}\\b`
        ).exec(source)
        if (doc) {
          docs[m] = doc[1]
            .split("\n")
            .map((l) => l.replace(/^\s*\* ?/, "").trim())
            .filter(Boolean)
            .join(" ")
        }
      }
      found.push({ path: base, methods, docs, responses })
    }
  }
  return found
}

const toPath = (matcher: string) => matcher.replace(/:([A-Za-z_]+)/g, "{$1}")
const pathParams = (p: string) => [...p.matchAll(/\{([^}]+)\}/g)].map((m) => m[1])

function jsonSchema(schema: z.ZodTypeAny) {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
  })
  return rest
}

function queryParameters(schema: z.ZodTypeAny) {
  const json = jsonSchema(schema)
  const required = new Set<string>(json.required ?? [])
  return Object.entries(json.properties ?? {}).map(([name, s]) => ({
    name,
    in: "query",
    required: required.has(name),
    schema: s,
  }))
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
})

/**
 * The OpenAPI 3.1 description of every admin route the plugin adds, built
 * from the route files and the zod schemas their middlewares validate with.
 */
export function buildOpenApi({
  routes,
  apiDir,
  version,
  responseSchemas = {},
}: {
  routes: MiddlewareRoute[]
  apiDir: string
  version: string
  /** JSON schemas of the response types in src/types/http (scripts/openapi.ts generates them). */
  responseSchemas?: Record<string, unknown>
}) {
  const ops = new Map<
    string,
    { path: string; method: Method; meta: OpenApiMeta; doc?: string; response?: string }
  >()
  const key = (p: string, m: string) => `${p} ${m}`
  for (const route of routes) {
    const p = toPath(String(route.matcher))
    const metas = (route.middlewares ?? []).map((fn) => middlewareMeta(fn) ?? {})
    // Two permission checks on one route (a goodwill refund) both apply.
    const permissions = metas.map((m) => m.permission).filter(Boolean)
    const meta: OpenApiMeta = Object.assign(
      {},
      ...metas,
      permissions.length > 1 ? { permission: permissions.join(" and ") } : {}
    )
    // defineMiddlewares normalises `method` to `methods`.
    const methods = (route.methods ?? route.method ?? []) as Method[]
    for (const method of methods) {
      ops.set(key(p, method), { path: p, method, meta: { ...ops.get(key(p, method))?.meta, ...meta } })
    }
  }
  const files = routeFiles(apiDir)
  for (const file of files) {
    for (const method of file.methods) {
      // A parameterised route (reports/{report}) is described by its concrete middleware paths.
      const pattern = new RegExp(`^${file.path.replace(/\{[^}]+\}/g, "[^/]+")}$`)
      const concrete = [...ops.values()].filter((o) => o.method === method && pattern.test(o.path))
      if (!concrete.length) {
        ops.set(key(file.path, method), { path: file.path, method, meta: {} })
      }
      for (const op of concrete.length ? concrete : [ops.get(key(file.path, method))!]) {
        op.doc = file.docs[method]
        op.response = file.responses[method]
      }
    }
  }

  const paths: Record<string, Record<string, unknown>> = {}
  for (const op of [...ops.values()].sort((a, b) => a.path.localeCompare(b.path))) {
    const { meta } = op
    const parameters = [
      ...pathParams(op.path).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...(meta.query ? queryParameters(meta.query) : []),
    ]
    const [firstSentence] = (op.doc ?? "").split(/(?<=\.)\s/)
    paths[op.path] ??= {}
    paths[op.path][op.method.toLowerCase()] = {
      operationId: `${op.method.toLowerCase()}${op.path.replace(/\{([^}]+)\}/g, "By_$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c) => (c ? c.toUpperCase() : ""))}`,
      tags: [
        op.path.split("/")[2] === "accounting"
          ? `accounting/${op.path.split("/")[3]}`
          : op.path.split("/")[2],
      ],
      summary: firstSentence || `${op.method} ${op.path}`,
      ...(op.doc && { description: op.doc }),
      ...(meta.permission && { "x-accounting-permission": meta.permission }),
      ...(parameters.length && { parameters }),
      ...(meta.body && {
        requestBody: {
          required: true,
          content: { "application/json": { schema: jsonSchema(meta.body) } },
        },
      }),
      ...(meta.upload && {
        requestBody: {
          required: true,
          content: {
            "multipart/form-data": {
              schema: {
                type: "object",
                required: [meta.upload],
                properties: { [meta.upload]: { type: "string", format: "binary" } },
              },
            },
          },
        },
      }),
      responses: {
        "200": op.response
          ? {
              description: "OK",
              content: { "application/json": { schema: { $ref: `#/components/schemas/${op.response}` } } },
            }
          : { description: "OK" },
        "400": errorResponse("Invalid input (the message names the field)"),
        "401": errorResponse("Not logged in"),
        ...(meta.permission && {
          "403": errorResponse(`Needs the accounting permission ${meta.permission}`),
        }),
        ...(op.path.includes("{") && { "404": errorResponse("Not found") }),
        ...(op.method !== "GET" && {
          "409": errorResponse("Refused by a business rule (state, period, lock)"),
          "422": errorResponse("Refused by a business rule (amounts, accounts)"),
        }),
      },
      security: [{ jwt_token: [] }, { cookie_auth: [] }],
    }
  }

  return {
    openapi: "3.1.0",
    info: {
      title: "medusa-accounting-ar admin API",
      version,
      description:
        "Admin routes of the accounts-receivable, credit memo, customer refund and reporting plugin. Generated from the route files, their zod validators and the response types in src/types/http (npm run openapi); money is an exact decimal string at the currency's precision; error codes in docs/API.md.",
    },
    paths,
    components: {
      securitySchemes: {
        jwt_token: { type: "http", scheme: "bearer" },
        cookie_auth: { type: "apiKey", in: "cookie", name: "connect.sid" },
      },
      schemas: {
        ...responseSchemas,
        Error: {
          type: "object",
          required: ["type", "message"],
          properties: {
            type: { type: "string" },
            code: { type: "string", enum: [...Object.keys(AccountingErrorCodes), ...HANDLER_CODES].sort() },
            message: { type: "string" },
          },
        },
      },
    },
  }
}
