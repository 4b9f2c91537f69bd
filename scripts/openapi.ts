/**
 * Writes docs/openapi.json from the route files and their zod validators
 * (`npm run openapi`). The unit test only compares; it never writes.
 */
import { writeFileSync } from "fs"
import path from "path"
import { openApiDocument } from "../src/api/utils/openapi-document"

const file = path.join(__dirname, "../docs/openapi.json")
writeFileSync(file, openApiDocument())
console.log(`wrote ${path.relative(process.cwd(), file)}`)
