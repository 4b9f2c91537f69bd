import { MedusaError } from "@medusajs/framework/utils"
import type { ImportError, ImportGroup } from "../../../../modules/accounting/ar/customer-refunds"
import { CsvFileError, readCsv } from "../../../utils/csv"
import { formatZodIssues } from "../../../utils/validate"
import { HEADER_FIELDS, ImportRow, REQUIRED_COLUMNS } from "./row-schema"

export const MAX_IMPORT_ROWS = 5000

export type ParsedImport = { groups: ImportGroup[]; errors: ImportError[] }

const invalidFile = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: file: ${message}`)

/**
 * Reads an import file into refunds (rows sharing a refund_ref form one) and
 * the errors of its lines, each `{ row: file line, field, message }`. Throws
 * INVALID_DATA (400) when the file as a whole is unusable: not CSV, missing
 * columns, no rows or too many. No I/O: credits are checked by the workflow.
 */
export function parseImportFile(content: Buffer | string): ParsedImport {
  let file: ReturnType<typeof readCsv>
  try {
    file = readCsv(typeof content === "string" ? content : content.toString("utf8"))
  } catch (e) {
    if (e instanceof CsvFileError) {
      throw invalidFile(e.message)
    }
    throw e
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !file.header.includes(c))
  if (missing.length) {
    throw invalidFile(`missing column(s) ${missing.join(", ")}`)
  }
  const rows = file.records.length + file.errors.length
  if (!rows || rows > MAX_IMPORT_ROWS) {
    throw invalidFile(`expected 1 to ${MAX_IMPORT_ROWS} rows, got ${rows}`)
  }

  const errors: ImportError[] = [...file.errors]
  const groups = new Map<string, ImportGroup & { first: ImportRow }>()
  for (const { line, values } of file.records) {
    const result = ImportRow.safeParse(values)
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({
          row: line,
          field: String(issue.path[0] ?? "row"),
          message: `line ${line}: ${formatZodIssues([issue])}`,
        })
      }
      continue
    }
    const r = result.data
    const key = r.refund_ref ?? `line:${line}`
    const line_ = { source_type: r.source_type, source_id: r.source_id, amount: r.amount }
    const group = groups.get(key)
    if (!group) {
      const { refund_ref, source_type, source_id, amount, ...header } = r
      groups.set(key, { rows: [line], first: r, input: { ...header, lines: [line_] } })
      continue
    }
    // One refund, one header: rows of a refund_ref must agree on it.
    const differs = HEADER_FIELDS.find((f) => r[f] !== group.first[f])
    if (differs) {
      errors.push({
        row: line,
        field: differs,
        message: `line ${line}: ${differs} differs from line ${group.rows[0]} of refund ${key}`,
      })
      continue
    }
    group.rows.push(line)
    group.input.lines.push(line_)
  }
  return {
    groups: [...groups.values()].map(({ first, ...group }) => group),
    errors: errors.sort((a, b) => a.row - b.row),
  }
}
