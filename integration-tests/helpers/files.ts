import ExcelJS from "exceljs"
import { parse } from "csv-parse/sync"

// pdf.js (Mozilla's reader, legacy CommonJS build) extracts the text a viewer shows.
// eslint-disable-next-line @typescript-eslint/no-var-requires
const pdfjs = require("pdfjs-dist/legacy/build/pdf.js")

/** Reads back the files the reports produce, the way a finance user's tools would. */
export async function readXlsx(data: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(data as any)
  return workbook.worksheets.map((sheet) => ({
    name: sheet.name,
    frozen: (sheet.views?.[0] as any)?.state === "frozen",
    rows: sheet
      .getSheetValues()
      .slice(1)
      .map((r: any) => (Array.isArray(r) ? r.slice(1) : [])),
    numFmts: sheet.getRow(2).cellCount
      ? (sheet.getRow(2) as any)._cells.map((c: any) => c?.numFmt ?? null)
      : [],
  }))
}

export async function readPdf(data: Buffer): Promise<{ text: string; pages: number }> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(data), verbosity: 0 }).promise
  const pages: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    pages.push(content.items.map((item: any) => item.str).join(" "))
  }
  return { text: pages.join("\n"), pages: doc.numPages }
}

/** The rows of a CSV report as cells, read strictly (a BOM and blank lines ignored). */
export function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, skip_empty_lines: true })
}
