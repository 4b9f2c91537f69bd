import { existsSync, readFileSync } from "fs"
import path from "path"
import middlewares from "../middlewares"
import { buildOpenApi, routeFiles } from "./openapi"

const API_DIR = path.join(__dirname, "../admin")
const DOCUMENT = path.join(__dirname, "../../../docs/openapi.json")

/** The response types the routes declare (`MedusaResponse<Name>`), by name. */
export const declaredResponseTypes = () =>
  [...new Set(routeFiles(API_DIR).flatMap((f) => Object.values(f.responses)))].sort()

/**
 * docs/openapi.json as the current routes and validators describe it. The
 * response schemas come from the TypeScript types (slow to compile, so
 * `npm run openapi` passes them in); otherwise the document's own are kept.
 */
export function openApiDocument(responseSchemas?: Record<string, unknown>): string {
  const committed = existsSync(DOCUMENT) ? JSON.parse(readFileSync(DOCUMENT, "utf8")) : {}
  const { Error: _error, ...kept } = committed.components?.schemas ?? {}
  const spec = buildOpenApi({
    routes: middlewares.routes ?? [],
    apiDir: API_DIR,
    version: require(path.join(__dirname, "../../../package.json")).version,
    responseSchemas: responseSchemas ?? kept,
  })
  return JSON.stringify(spec, null, 2) + "\n"
}
