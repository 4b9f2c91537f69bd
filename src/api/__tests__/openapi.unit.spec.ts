import { readFileSync } from "fs"
import path from "path"
import middlewares from "../middlewares"
import { buildOpenApi, routeFiles } from "../utils/openapi"
import { declaredResponseTypes, openApiDocument } from "../utils/openapi-document"

const ROOT = path.join(__dirname, "../../..")
const API_DIR = path.join(__dirname, "../admin")

describe("docs/openapi.json", () => {
  const spec = buildOpenApi({
    routes: middlewares.routes ?? [],
    apiDir: API_DIR,
    version: require(path.join(ROOT, "package.json")).version,
  })

  it("is up to date with the routes and their validators (npm run openapi rewrites it)", () => {
    expect(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8")).toBe(openApiDocument())
  })

  it("documents day-dependent defaults by their meaning, never as a literal date", () => {
    const text = openApiDocument()
    expect(text).not.toMatch(/"default": "\d{4}-\d{2}-\d{2}"/)
    const aging = (spec.paths["/admin/accounting/reports/ar-aging"] as any).get
    expect(aging.parameters.find((p: any) => p.name === "as_of").schema.description).toBe(
      "Defaults to today (the store's accounting day)."
    )
    const ledger = (spec.paths["/admin/accounting/reports/general-ledger"] as any).get
    expect(ledger.parameters.find((p: any) => p.name === "from").schema.description).toBe(
      "Defaults to the first day of the month of `to`."
    )
  })

  it("describes only real routes, each with the permission it checks", () => {
    expect(Object.keys(spec.paths).filter((p) => p.includes("*"))).toEqual([])
    for (const action of ["close", "reopen"]) {
      const op = (spec.paths[`/admin/accounting/periods/{id}/${action}`] as any).post
      expect(op["x-accounting-permission"]).toBe("periods:manage")
    }
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

  it("has a response schema for every response type a route declares, money as decimal strings", () => {
    const document = JSON.parse(readFileSync(path.join(ROOT, "docs/openapi.json"), "utf8"))
    const declared = declaredResponseTypes()
    expect(declared).toEqual(
      expect.arrayContaining(["AdminCreditMemoResponse", "AdminCustomerRefundResponse"])
    )
    expect(declared.filter((t) => !document.components.schemas[t])).toEqual([])
    expect(document.components.schemas.Money.type).toBe("string")
    const memo = document.paths["/admin/credit-memos/{id}"].get.responses["200"]
    expect(memo.content["application/json"].schema.$ref).toBe("#/components/schemas/AdminCreditMemoResponse")
  })
})
