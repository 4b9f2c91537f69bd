import { readFileSync, writeFileSync } from "fs"
import path from "path"
import middlewares from "../middlewares"
import { buildOpenApi, routeFiles } from "../utils/openapi"

const ROOT = path.join(__dirname, "../../..")
const DOC = path.join(ROOT, "docs/openapi.json")
const API_DIR = path.join(__dirname, "../admin")

describe("docs/openapi.json", () => {
  const spec = buildOpenApi({
    routes: middlewares.routes ?? [],
    apiDir: API_DIR,
    version: require(path.join(ROOT, "package.json")).version,
  })
  const generated = JSON.stringify(spec, null, 2) + "\n"

  if (process.env.UPDATE_OPENAPI) {
    writeFileSync(DOC, generated)
  }

  it("is up to date with the routes and their validators (npm run openapi rewrites it)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(generated)
  })

  it("describes every method of every admin route file", () => {
    const described = Object.entries(spec.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)
    )
    for (const file of routeFiles(API_DIR)) {
      for (const method of file.methods) {
        const pattern = new RegExp(`^${method} ${file.path.replace(/\{[^}]+\}/g, "[^/]+")}$`)
        expect(described.some((d) => pattern.test(d))).toBe(true)
      }
    }
    expect(described.length).toBeGreaterThanOrEqual(40)
  })

  it("takes request bodies and query parameters from the zod validators", () => {
    const create = (spec.paths["/admin/customer-refunds"] as any).post
    expect(create["x-accounting-permission"]).toBe("customer_refunds:add")
    const body = create.requestBody.content["application/json"].schema
    expect(body.required).toEqual(expect.arrayContaining(["customer_id", "currency_code", "method", "lines"]))
    expect(body.additionalProperties).toBe(false)
    const aging = (spec.paths["/admin/accounting/reports/ar-aging"] as any).get
    expect(aging.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(["as_of", "format"]))
  })
})
