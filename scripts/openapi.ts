/**
 * Writes docs/openapi.json from the route files, their zod validators and
 * the response types of src/types/http (`npm run openapi`). The unit test
 * only compares; it never writes.
 */
import { writeFileSync } from "fs"
import path from "path"
import { createGenerator } from "ts-json-schema-generator"
import { declaredResponseTypes, openApiDocument } from "../src/api/utils/openapi-document"

const generator = createGenerator({
  path: path.join(__dirname, "../src/types/http/index.ts"),
  tsconfig: path.join(__dirname, "../tsconfig.json"),
  skipTypeCheck: true,
  expose: "export",
  topRef: false,
})
// OpenAPI component names allow [A-Za-z0-9._-] only (ListResponse<"credit_memos",CreditMemo> is not one).
const componentName = (name: string) => name.replace(/[^A-Za-z0-9._-]+/g, "_").replace(/_+$/, "")

const schemas: Record<string, unknown> = {}
for (const type of declaredResponseTypes()) {
  const { definitions = {}, $schema: _draft, ...schema } = generator.createSchema(type)
  for (const [name, definition] of Object.entries({ ...definitions, [type]: schema })) {
    schemas[componentName(name)] = definition
  }
}
// The generator's local refs point into components.
const document = openApiDocument(
  JSON.parse(
    JSON.stringify(schemas).replace(
      /"#\/definitions\/([^"]+)"/g,
      (_m, name: string) => `"#/components/schemas/${componentName(decodeURIComponent(name))}"`
    )
  )
)
const file = path.join(__dirname, "../docs/openapi.json")
writeFileSync(file, document)
console.log(`wrote ${path.relative(process.cwd(), file)} (${Object.keys(schemas).length} response schemas)`)
