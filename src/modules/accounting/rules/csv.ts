/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and newlines.
 * Returns rows of cells; a trailing empty line is ignored.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ""
  let quoted = false
  let i = 0
  const input = text.replace(/^\uFEFF/, "")
  while (i < input.length) {
    const ch = input[i]
    if (quoted) {
      if (ch === '"' && input[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (ch === '"') {
        quoted = false
      } else {
        cell += ch
      }
      i += 1
      continue
    }
    if (ch === '"' && cell === "") {
      quoted = true
    } else if (ch === ",") {
      row.push(cell)
      cell = ""
    } else if (ch === "\n" || ch === "\r") {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ""
      if (ch === "\r" && input[i + 1] === "\n") {
        i += 1
      }
    } else {
      cell += ch
    }
    i += 1
  }
  if (quoted) {
    throw new Error("The file ends inside a quoted field")
  }
  if (cell !== "" || row.length) {
    row.push(cell)
    rows.push(row)
  }
  return rows.filter((r) => r.length > 1 || r[0] !== "")
}

/** Rows as objects keyed by the (trimmed, lower-cased) header row. */
export function csvRecords(text: string): { header: string[]; records: Record<string, string>[] } {
  const [header = [], ...rows] = parseCsv(text)
  const keys = header.map((h) => h.trim().toLowerCase())
  return {
    header: keys,
    records: rows.map((cells) => Object.fromEntries(keys.map((k, i) => [k, (cells[i] ?? "").trim()]))),
  }
}
