// Reads where every text item of a PDF is drawn, page by page, so tests can
// assert a layout (no overlaps, inside the page) on the real bytes.
import { PassThrough } from "stream"

// The legacy build runs in Node without a DOM or a worker file.
const pdfjs = require("pdfjs-dist/legacy/build/pdf.js")

export type TextBox = { text: string; x0: number; y0: number; x1: number; y1: number }
export type PdfPage = { number: number; width: number; height: number; boxes: TextBox[] }

// Helvetica glyphs reach ~0.21 em under the baseline and ~0.72 em above it
// (accents higher): a box of 1 em from 0.2 under the baseline holds them.
const DESCENT = 0.2

export async function readPdfPages(pdf: Buffer): Promise<PdfPage[]> {
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(pdf),
    verbosity: 0,
    disableFontFace: true,
    isEvalSupported: false,
  }).promise
  const pages: PdfPage[] = []
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n)
    const [, , width, height] = page.view
    const { items } = await page.getTextContent()
    const boxes = items
      .filter((item: any) => typeof item.str === "string" && item.str.trim() !== "")
      .map((item: any): TextBox => {
        const [, , c, d, e, f] = item.transform
        const size = item.height || Math.hypot(c, d)
        return {
          text: item.str,
          x0: e,
          x1: e + item.width,
          y0: f - DESCENT * size,
          y1: f + (1 - DESCENT) * size,
        }
      })
    pages.push({ number: n, width, height, boxes })
  }
  await doc.destroy()
  return pages
}

/** Pairs of text boxes that overlap by more than `epsilon` points both ways (touching is fine). */
export function overlappingBoxes(boxes: TextBox[], epsilon = 0.01): [TextBox, TextBox][] {
  const sorted = [...boxes].sort((a, b) => a.x0 - b.x0)
  const found: [TextBox, TextBox][] = []
  sorted.forEach((a, i) => {
    for (let j = i + 1; j < sorted.length && sorted[j].x0 < a.x1 - epsilon; j++) {
      const b = sorted[j]
      if (
        Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > epsilon &&
        Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > epsilon
      ) {
        found.push([a, b])
      }
    }
  })
  return found
}

/** Text boxes that are not entirely on the page. */
export function boxesOutside(page: PdfPage, epsilon = 0.01): TextBox[] {
  return page.boxes.filter(
    (b) => b.x0 < -epsilon || b.y0 < -epsilon || b.x1 > page.width + epsilon || b.y1 > page.height + epsilon
  )
}

/** The numbers printed as "Page n" or "Page n of m" on a page. */
export function printedPageNumbers(page: PdfPage): number[] {
  return page.boxes.flatMap((b) => {
    const match = /^Page (\d+)(?: of \d+)?$/.exec(b.text.trim())
    return match ? [Number(match[1])] : []
  })
}

/** Writes into a buffer: what a PDF writer produces, for reading back. */
export function collectOutput() {
  const out = new PassThrough()
  const chunks: Buffer[] = []
  out.on("data", (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve) => out.on("end", () => resolve(Buffer.concat(chunks))))
  return { out, done }
}
