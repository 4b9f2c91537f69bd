/**
 * Text in boxes for pdfkit: every text is measured before it is drawn, so a
 * caller knows how tall a row is and can move it whole to the next page.
 * Every draw passes an explicit `height`: pdfkit then never adds a page on
 * its own (its automatic break split rows and put page footers on a new page).
 */

export type PdfAlign = "left" | "right" | "center"
export type PdfColumn = { x: number; width: number; align: PdfAlign }
export type Fitted = { size: number; height: number }

/** A single word (an amount, a date) shrinks down to this to stay on one line; a longer one (an id) wraps. */
const MIN_WORD_FONT = 5
const PAD_X = 2
const PAD_Y = 3

/**
 * The font size and height of `text` in a box `width` wide: wrapped on words,
 * at most `maxLines` lines (the last then ends with an ellipsis). A single word
 * a little too wide shrinks instead of being cut: amounts stay whole and readable.
 */
export function fitText(
  doc: PDFKit.PDFDocument,
  text: string,
  width: number,
  size: number,
  maxLines: number
): Fitted {
  doc.fontSize(size)
  const natural = doc.widthOfString(text)
  const oneLine = !text.includes("\n")
  if (oneLine && natural <= width) {
    // Most cells: one line, no need to run the line breaker.
    return { size, height: doc.currentLineHeight(true) }
  }
  if (oneLine && !/\s/.test(text)) {
    // 2% under the exact ratio: rounding must not push the word onto a second line.
    const shrunk = ((size * width) / natural) * 0.98
    if (shrunk >= MIN_WORD_FONT) {
      doc.fontSize(shrunk)
      return { size: shrunk, height: doc.currentLineHeight(true) }
    }
  }
  const height = Math.min(doc.heightOfString(text, { width }), maxLines * doc.currentLineHeight(true))
  return { size, height }
}

/** Draws text fitted by fitText (the font face is set by the caller). */
export function drawFitted(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  width: number,
  fitted: Fitted,
  align: PdfAlign = "left"
) {
  // Half a point of slack so the last line is never dropped by float rounding.
  doc.fontSize(fitted.size).text(text, x, y, { width, align, height: fitted.height + 0.5, ellipsis: true })
}

/** Fits and draws in one go; returns the height used. */
export function drawText(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  opts: { width: number; size: number; maxLines?: number; align?: PdfAlign }
): number {
  const fitted = fitText(doc, text, opts.width, opts.size, opts.maxLines ?? 1000)
  drawFitted(doc, text, x, y, opts.width, fitted, opts.align)
  return fitted.height
}

/** A table row: each cell wrapped in its column, the row as tall as its tallest cell. */
export class PdfTable {
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    readonly columns: PdfColumn[],
    private readonly fontSize: number,
    private readonly maxLines: number
  ) {}

  /** Fits a row's cells; `height` includes the padding. */
  fit(texts: string[], font: string): { cells: Fitted[]; height: number } {
    this.doc.font(font)
    const cells = texts.map((text, i) =>
      text
        ? fitText(this.doc, text, this.inner(i), this.fontSize, this.maxLines)
        : { size: this.fontSize, height: 0 }
    )
    this.doc.fontSize(this.fontSize)
    const lines = Math.max(this.doc.currentLineHeight(true), ...cells.map((c) => c.height))
    return { cells, height: lines + PAD_Y * 2 }
  }

  /** The height of a one-line row. */
  minRowHeight(font: string) {
    return this.fit([], font).height
  }

  draw(texts: string[], fitted: Fitted[], y: number, font: string) {
    this.doc.font(font)
    texts.forEach((text, i) => {
      if (text) {
        const { x, align } = this.columns[i]
        drawFitted(this.doc, text, x + PAD_X, y + PAD_Y, this.inner(i), fitted[i], align)
      }
    })
  }

  private inner(i: number) {
    return this.columns[i].width - PAD_X * 2
  }
}
