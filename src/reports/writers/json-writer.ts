import type { Writable } from "stream"
import { ReportMeta, ReportRow, ReportWriter, withMoneyText } from "./columns"
import { endOutput, waitForDrain } from "./drain"

/**
 * JSON for API clients, streamed: { report, filters, sections: [{ name,
 * rows, totals }] }. Money is a decimal string at the currency's precision.
 */
export class JsonReportWriter implements ReportWriter {
  private inSection = false
  private firstRow = true
  private firstSection = true
  private totals: ReportRow[] = []

  constructor(
    private readonly out: Writable,
    private readonly meta: ReportMeta,
    private readonly header: Record<string, unknown>
  ) {}

  async start() {
    const head = JSON.stringify({ report: this.meta.title, ...this.header })
    await this.write(`${head.slice(0, -1)},"columns":${JSON.stringify(this.meta.columns)},"sections":[`)
  }

  async section(name: string) {
    await this.closeSection()
    await this.write(`${this.firstSection ? "" : ","}{"name":${JSON.stringify(name)},"rows":[`)
    this.firstSection = false
    this.inSection = true
    this.firstRow = true
  }

  async row(row: ReportRow) {
    if (!this.inSection) {
      await this.section(this.meta.title)
    }
    await this.write(`${this.firstRow ? "" : ","}${JSON.stringify(withMoneyText(this.meta, row))}`)
    this.firstRow = false
  }

  total(row: ReportRow) {
    this.totals.push(withMoneyText(this.meta, row))
  }

  async end(summary: Record<string, unknown> = {}) {
    await this.closeSection()
    const tail = JSON.stringify(summary).slice(1, -1)
    await this.write(`]${tail ? `,${tail}` : ""}}`)
    await endOutput(this.out)
  }

  private async closeSection() {
    if (this.inSection) {
      await this.write(`],"totals":${JSON.stringify(this.totals)}}`)
      this.totals = []
      this.inSection = false
    }
  }

  private async write(text: string) {
    this.out.write(text)
    await waitForDrain(this.out)
  }
}
