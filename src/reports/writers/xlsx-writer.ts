import type { Writable } from "stream"
import type { MoneyLike } from "../../modules/accounting/rules/money"
import { moneyText } from "../../modules/accounting/rules/money-text"
import { excelCurrencyFormat, neutraliseFormula } from "../format"
import { ReportMeta, ReportRow, ReportWriter } from "./columns"
import { endOutput } from "./drain"
import { ZipStream } from "./zip-stream"

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`
/** Sheet XML gathered before it goes to the compressor. */
const CHUNK = 256 * 1024

/**
 * Streaming XLSX (SpreadsheetML written directly, zipped as it goes): one
 * sheet per section, frozen bold header row, money as real number cells in
 * the currency's format, text as inline strings (formula-like text
 * neutralised). Rows are written as they come, so memory stays flat however
 * long the report. exceljs's WorkbookWriter built an object per row and per
 * cell and cost two thirds of the export's time (issue 19); the files are
 * read back with exceljs in the tests.
 */
export class XlsxReportWriter implements ReportWriter {
  private readonly zip: ZipStream
  private readonly sheets: string[] = []
  private readonly styles = new XlsxStyles()
  /** A, B, C… for the cell references. */
  private readonly letters: string[]
  private rowNumber = 0
  private buffer = ""

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta
  ) {
    this.zip = new ZipStream(out)
    this.letters = meta.columns.map((_, i) => columnLetter(i))
  }

  async section(name: string) {
    await this.closeSheet()
    let title = name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31) || "Report"
    for (let i = 2; this.sheets.includes(title); i++) {
      title = `${name.slice(0, 28)} ${i}`
    }
    this.sheets.push(title)
    await this.zip.open(`xl/worksheets/sheet${this.sheets.length}.xml`)
    const cols = this.meta.columns
      .map(
        (c, i) =>
          `<col min="${i + 1}" max="${i + 1}" width="${Math.max(10, Math.round((c.width ?? 80) / 6))}" customWidth="1"/>`
      )
      .join("")
    this.buffer =
      `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
      `<cols>${cols}</cols><sheetData>`
    this.rowNumber = 0
    const bold = this.styles.id("text", "", true)
    await this.addRow(this.meta.columns.map((c) => inlineString(c.header, bold)))
  }

  async row(row: ReportRow) {
    await this.add(row, false)
  }

  async total(row: ReportRow) {
    await this.add(row, true)
  }

  async end() {
    if (!this.sheets.length) {
      await this.section(this.meta.title)
    }
    await this.closeSheet()
    const parts: [string, string][] = [
      ["xl/styles.xml", this.styles.xml()],
      ["xl/workbook.xml", this.workbookXml()],
      ["xl/_rels/workbook.xml.rels", this.workbookRels()],
      ["_rels/.rels", PACKAGE_RELS],
      ["docProps/core.xml", CORE_PROPS],
      ["[Content_Types].xml", this.contentTypes()],
    ]
    for (const [name, xml] of parts) {
      await this.zip.open(name)
      await this.zip.write(xml)
    }
    await this.zip.finish()
    await endOutput(this.out)
  }

  private async add(row: ReportRow, bold: boolean) {
    if (!this.sheets.length) {
      await this.section(this.meta.title)
    }
    const currency = String(row[this.meta.currencyKey ?? "currency_code"] ?? "usd")
    // Each style looked up once per row, not per cell (a million rows), and only if used.
    let money: number | undefined
    let number: number | undefined
    let text: number | undefined
    const cells: (string | null)[] = []
    for (const c of this.meta.columns) {
      const v = row[c.key]
      if (c.type === "money" && v !== null && v !== undefined && v !== "") {
        // A real number cell, rounded at the currency's precision (the exact decimal text).
        cells.push(numberCell(moneyText(v as MoneyLike, currency), (money ??= this.styles.id("money", currency, bold))))
      } else if (
        c.type === "number" &&
        v !== null &&
        v !== undefined &&
        v !== "" &&
        Number.isFinite(Number(v))
      ) {
        cells.push(numberCell(String(Number(v)), (number ??= this.styles.id("number", "", bold))))
      } else if (v === null || v === undefined || v === "") {
        cells.push(null) // an empty cell is no cell
      } else {
        cells.push(inlineString(String(neutraliseFormula(v)), (text ??= this.styles.id("text", "", bold))))
      }
    }
    await this.addRow(cells)
  }

  /** One `<row>`; each cell is `<c` + its attributes and content, the reference added here. */
  private async addRow(cells: (string | null)[]) {
    const r = ++this.rowNumber
    let xml = `<row r="${r}">`
    for (let i = 0; i < cells.length; i++) {
      if (cells[i] !== null) {
        xml += `<c r="${this.letters[i]}${r}"${cells[i]}`
      }
    }
    this.buffer += `${xml}</row>`
    if (this.buffer.length >= CHUNK) {
      const chunk = this.buffer
      this.buffer = ""
      await this.zip.write(chunk)
    }
  }

  private async closeSheet() {
    if (this.buffer || this.rowNumber) {
      const chunk = `${this.buffer}</sheetData></worksheet>`
      this.buffer = ""
      this.rowNumber = 0
      await this.zip.write(chunk)
    }
  }

  private workbookXml() {
    const sheets = this.sheets
      .map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("")
    return `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheets>${sheets}</sheets></workbook>`
  }

  private workbookRels() {
    const rel = (id: string, type: string, target: string) =>
      `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`
    const sheets = this.sheets.map((_, i) => rel(`rId${i + 1}`, "worksheet", `worksheets/sheet${i + 1}.xml`))
    return (
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `${sheets.join("")}${rel(`rId${this.sheets.length + 1}`, "styles", "styles.xml")}</Relationships>`
    )
  }

  private contentTypes() {
    const type = (part: string, kind: string) => `<Override PartName="${part}" ContentType="${kind}"/>`
    const ml = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    return (
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      type("/xl/workbook.xml", `${ml}.sheet.main+xml`) +
      type("/xl/styles.xml", `${ml}.styles+xml`) +
      this.sheets.map((_, i) => type(`/xl/worksheets/sheet${i + 1}.xml`, `${ml}.worksheet+xml`)).join("") +
      type("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml") +
      `</Types>`
    )
  }
}

/**
 * The workbook's cell formats: one per column kind, currency (money) and
 * weight, numbered as first used; styles.xml is written last.
 */
class XlsxStyles {
  private readonly ids = new Map<string, number>()
  private readonly formats: { numFmt: string | null; bold: boolean }[] = [{ numFmt: null, bold: false }]

  id(kind: "text" | "number" | "money", currency: string, bold: boolean): number {
    const key = `${kind === "money" ? currency : ""}:${bold}`
    let id = this.ids.get(key)
    if (id === undefined) {
      id = this.formats.length
      this.formats.push({ numFmt: kind === "money" ? excelCurrencyFormat(currency) : null, bold })
      this.ids.set(key, id)
    }
    return id
  }

  xml() {
    const numFmts = [...new Set(this.formats.map((f) => f.numFmt).filter((f): f is string => !!f))]
    const numFmtId = (f: string | null) => (f ? 164 + numFmts.indexOf(f) : 0)
    const xfs = this.formats.map(
      (f) =>
        `<xf numFmtId="${numFmtId(f.numFmt)}" fontId="${f.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"` +
        `${f.numFmt ? ` applyNumberFormat="1"` : ""}${f.bold ? ` applyFont="1"` : ""}/>`
    )
    const font = (bold: boolean) =>
      `<font>${bold ? "<b/>" : ""}<sz val="11"/><name val="Calibri"/><family val="2"/></font>`
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">` +
      `<numFmts count="${numFmts.length}">${numFmts.map((f) => `<numFmt numFmtId="${numFmtId(f)}" formatCode="${escapeXml(f)}"/>`).join("")}</numFmts>` +
      `<fonts count="2">${font(false)}${font(true)}</fonts>` +
      `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${xfs.length}">${xfs.join("")}</cellXfs>` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
      `</styleSheet>`
    )
  }
}

const PACKAGE_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`

const CORE_PROPS =
  `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
  `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>medusa-accounting-ar</dc:creator></cp:coreProperties>`

/** The rest of a `<c` element: a number cell (the decimal text as written). */
const numberCell = (text: string, style: number) => ` s="${style}"><v>${text}</v></c>`

/** The rest of a `<c` element: an inline string (edge spaces kept). */
const inlineString = (text: string, style: number) =>
  ` s="${style}" t="inlineStr"><is><t${/^\s|\s$/.test(text) ? ` xml:space="preserve"` : ""}>${escapeXml(text)}</t></is></c>`

const XML_SPECIAL = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/

/** Text as XML character data: markup escaped, characters XML cannot hold dropped. */
function escapeXml(text: string): string {
  if (!XML_SPECIAL.test(text)) {
    return text
  }
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
}

/** A, B, …, Z, AA, AB, … */
function columnLetter(index: number): string {
  let letters = ""
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  }
  return letters
}
