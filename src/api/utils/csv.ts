import { CsvError, parse } from "csv-parse/sync"

/** One data record with the file line it starts on (the header is line 1). */
export type CsvRecord = { line: number; values: Record<string, string> }
/** A line the parser could not read; `field` is a column name or "row". */
export type CsvLineError = { row: number; field: string; message: string }
export type CsvFile = { header: string[]; records: CsvRecord[]; errors: CsvLineError[] }

/** Past this many unreadable lines the upload is not the CSV we expect. */
export const MAX_CSV_LINE_ERRORS = 100

/** The context csv-parse attaches to its errors (typed `unknown` by the library). */
type ParseError = CsvError & { lines: number; record?: string[]; column?: string | number | null }

const QUOTE_ERRORS = ["CSV_INVALID_CLOSING_QUOTE", "CSV_INVALID_OPENING_QUOTE", "CSV_QUOTE_NOT_CLOSED"]
const LINE_BREAK = /\r\n|\n|\r/g

/** Thrown when the text cannot be read as a CSV file at all (no header, too many bad lines). */
export class CsvFileError extends Error {}

/**
 * Reads a CSV upload strictly with csv-parse: every record must have as many
 * cells as the header, quotes must be well formed. A bad record becomes an
 * error for its line instead of a shifted or truncated record; reading goes on
 * with the next line, so every bad line of a file is reported at once.
 * Header names are trimmed and lower-cased; cells are trimmed strings (never
 * numbers: amounts are left to the validators).
 */
export function readCsv(text: string): CsvFile {
  if (text.includes("\u0000")) {
    throw new CsvFileError(
      "this is not CSV text (it holds NUL bytes: a binary or UTF-16 file); save it as CSV UTF-8"
    )
  }
  const lineStarts = [0, ...[...text.matchAll(LINE_BREAK)].map((m) => m.index! + m[0].length)]
  const file: CsvFile = { header: [], records: [], errors: [] }
  let from = 1
  while (from <= lineStarts.length && lineStarts[from - 1] < text.length) {
    const resume = readFrom(text.slice(lineStarts[from - 1]), from - 1, file)
    if (resume === null) {
      break
    }
    from = resume
  }
  if (!file.header.length) {
    throw new CsvFileError("the file is empty")
  }
  return file
}

/**
 * Parses `chunk` (whose first line is file line `offset + 1`) into `file`.
 * Returns the line to go on from after a broken quote (the parser cannot
 * resynchronise by itself), or null at the end of the text.
 */
function readFrom(chunk: string, offset: number, file: CsvFile): number | null {
  let broken: { start: number; error: ParseError } | null = null
  try {
    parse(chunk, {
      bom: offset === 0,
      columns: file.header.length ? file.header : (names: string[]) => header(names, file),
      relax_column_count: false,
      relax_quotes: false,
      trim: true,
      skip_empty_lines: true,
      // Excel writes rows of bare commas after the data: not records.
      skip_records_with_empty_values: true,
      skip_records_with_error: true,
      raw: true,
      on_skip: (skipped, raw) => {
        const error = skipped as ParseError
        if (!file.header.length) {
          throw new CsvFileError(`line 1: the header cannot be read: ${error.message}`)
        }
        const start = offset + startLine(error.lines, raw)
        if (QUOTE_ERRORS.includes(error.code)) {
          broken = { start, error }
          throw error
        }
        lineError(file, start, cellCountMessage(start, error.record ?? [], file.header))
      },
      on_record: ({ record, raw }: { record: Record<string, string>; raw: string }, { lines }) => {
        file.records.push({ line: offset + startLine(lines, raw), values: record })
        return null
      },
    })
    return null
  } catch (e) {
    if (!broken) {
      throw e instanceof CsvError ? new CsvFileError(e.message) : e
    }
    const { start, error } = broken as { start: number; error: ParseError }
    lineError(file, start, quoteMessage(start, error, file.header))
    // An unclosed quote swallows the rest of the file: read on after its first line.
    return error.code === "CSV_QUOTE_NOT_CLOSED" ? start + 1 : offset + error.lines + 1
  }
}

function header(names: string[], file: CsvFile) {
  file.header = names.map((n) => n.trim().toLowerCase())
  const twice = file.header.find((n, i) => file.header.indexOf(n) !== i)
  if (twice !== undefined) {
    throw new CsvFileError(`line 1: the column ${JSON.stringify(twice)} appears twice`)
  }
  return file.header
}

function lineError(file: CsvFile, row: number, { field, message }: { field: string; message: string }) {
  file.errors.push({ row, field, message })
  if (file.errors.length > MAX_CSV_LINE_ERRORS) {
    throw new CsvFileError(
      `more than ${MAX_CSV_LINE_ERRORS} lines cannot be read (the first: ${file.errors[0].message}); ` +
        "is this a comma-separated file with the expected header?"
    )
  }
}

/**
 * The line a record starts on, from the line it ends on and its raw text (which
 * may begin with the blank lines skipped before it and ends with its line break).
 */
function startLine(endLine: number, raw: string | undefined) {
  const body = (raw ?? "").replace(/^[\r\n]+/, "").replace(/(\r\n|\n|\r)$/, "")
  return endLine - (body.match(LINE_BREAK)?.length ?? 0)
}

/** Too many or too few cells; an unquoted thousands separator is named as such. */
function cellCountMessage(line: number, cells: string[], header: string[]) {
  const counts = `line ${line}: ${cells.length} cells, the header has ${header.length}`
  if (cells.length < header.length) {
    return { field: "row", message: `${counts}; a value or a comma is missing` }
  }
  // "1,000.00" written without quotes reads as the cells "1" and "000.00": the
  // extra cells are the groups of digits after the first.
  const extra = cells.length - header.length
  const split = cells.findIndex(
    (cell, i) =>
      i < header.length &&
      /^[-+]?\d{1,3}$/.test(cell) &&
      cells
        .slice(i + 1, i + 1 + extra)
        .every((g, k) => (k === extra - 1 ? /^\d{3}(\.\d*)?$/ : /^\d{3}$/).test(g))
  )
  if (split >= 0) {
    const amount = cells.slice(split, split + 1 + extra).join(",")
    return {
      field: header[split],
      message:
        `${counts}: ${header[split]} ${amount} was split at its comma; ` +
        `write amounts without thousands separators (${amount.replace(/,/g, "")})`,
    }
  }
  return { field: "row", message: `${counts}; quote values that contain commas ("Smith, Anne")` }
}

function quoteMessage(line: number, error: ParseError, header: string[]) {
  const column = typeof error.column === "number" ? header[error.column] : error.column
  const field = column ?? "row"
  const where = column ? ` in ${column}` : ""
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    return {
      field,
      message: `line ${line}: a quote opens${where} and is never closed; close it or remove it`,
    }
  }
  return {
    field,
    message:
      `line ${line}: a quote in the middle of a value${where}; ` +
      'quote the whole value and write a quote inside it as two ("say ""hi""")',
  }
}
