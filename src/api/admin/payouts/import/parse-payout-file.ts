import { MedusaError } from "@medusajs/framework/utils"
import {
  PayoutColumnMapping,
  PayoutFileError,
  PayoutInput,
  payoutsFromRows,
} from "../../../../modules/accounting/rules/payout-input"
import { CsvFileError, readCsv } from "../../../utils/csv"

export const MAX_PAYOUT_ROWS = 30_000

const invalidFile = (message: string) =>
  new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: file: ${message}`)

/**
 * Reads a payout report (csv-parse, strict columns) into payouts and the
 * errors of its lines. Throws INVALID_DATA (400) when the file as a whole is
 * unusable: not CSV, a mapped column missing, no rows or too many.
 */
export function parsePayoutFile(
  content: Buffer,
  mapping: PayoutColumnMapping,
  options: { provider_id: string; timezone: string }
): { payouts: PayoutInput[]; errors: PayoutFileError[] } {
  let file: ReturnType<typeof readCsv>
  try {
    file = readCsv(content.toString("utf8"))
  } catch (e) {
    if (e instanceof CsvFileError) {
      throw invalidFile(e.message)
    }
    throw e
  }
  const missing = Object.values(mapping)
    .filter((c): c is string => !!c)
    .filter((c) => !file.header.includes(c.toLowerCase()))
  if (missing.length) {
    throw invalidFile(`missing column(s) ${missing.join(", ")}`)
  }
  const rows = file.records.length + file.errors.length
  if (!rows || rows > MAX_PAYOUT_ROWS) {
    throw invalidFile(`expected 1 to ${MAX_PAYOUT_ROWS} rows, got ${rows}`)
  }
  const { payouts, errors } = payoutsFromRows(file.records, mapping, options)
  return {
    payouts: payouts.map(({ rows: _rows, ...payout }) => payout),
    errors: [...file.errors, ...errors].sort((a, b) => a.row - b.row),
  }
}
