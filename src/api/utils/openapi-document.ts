import path from "path"
import middlewares from "../middlewares"
import { buildOpenApi } from "./openapi"

/** docs/openapi.json as the current routes and validators describe it. */
export function openApiDocument(): string {
  const spec = buildOpenApi({
    routes: middlewares.routes ?? [],
    apiDir: path.join(__dirname, "../admin"),
    version: require(path.join(__dirname, "../../../package.json")).version,
  })
  return JSON.stringify(spec, null, 2) + "\n"
}
