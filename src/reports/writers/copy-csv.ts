import type { Readable } from "stream"

const LF = 10
const CR = 13
const QUOTE = 34
const COMMA = 44
const MINUS = 45
const DOT = 46
const ZERO = 48

/** Bytes gathered from the COPY stream before they are rewritten (one name lookup per batch). */
const BATCH = 256 * 1024

export type CopyLineHooks = {
  /** The first field (an id) as the cell written instead, already CSV-quoted; per batch of ids. */
  firstField?: (ids: string[]) => Promise<(id: string) => string>
  /**
   * Called before the first row of each section (last field of a row) and at
   * the end (null), with the ended section's sums of the `sumFields` fields.
   */
  sectionChange: (ended: string | null, next: string | null, sums: string[]) => Promise<void>
  /**
   * How many fields just before the last one are money to add up per section
   * (decimal text at the section currency's `precision`, as the SQL rounded it).
   */
  sumFields?: { count: number; precision: (section: string) => number }
  /** Writes a batch of finished bytes (waits on backpressure). */
  write: (bytes: Buffer) => Promise<void>
}

/**
 * Pipes PostgreSQL's CSV (`COPY ... TO STDOUT WITH CSV`) through to the
 * client, doing only what the database cannot: records end in CRLF like the
 * rest of our CSV, the first field may become a name looked up in Medusa
 * (customers live in another module), and a section's total lines are
 * written when the last field changes. Records are found with indexOf
 * (quoted fields with line breaks are followed quote by quote).
 */
export async function pipeCopyCsv(copy: Readable, hooks: CopyLineHooks): Promise<void> {
  let carry: Buffer = Buffer.alloc(0)
  let pending: Buffer[] = []
  let pendingBytes = 0
  let section: Buffer | null = null
  // Per section, the running sums of the money fields (last one first).
  let sums: bigint[] = Array.from({ length: hooks.sumFields?.count ?? 0 }, () => 0n)
  const sumTexts = () =>
    section ? sums.map((minor) => minorText(minor, hooks.sumFields!.precision(section!.toString("utf8")))).reverse() : []

  const flush = async () => {
    const buf = carry.length ? Buffer.concat([carry, ...pending]) : Buffer.concat(pending)
    pending = []
    pendingBytes = 0
    const records = splitRecords(buf)
    carry = buf.subarray(records.consumed)
    const count = records.starts.length
    if (!count) {
      return
    }
    // The first fields' replacements, one per distinct id of the batch.
    const cells = new Map<string, Buffer>()
    const ids = hooks.firstField ? records.starts.map((start, i) => buf.toString("utf8", start, records.firstEnds[i])) : []
    if (hooks.firstField) {
      const rename = await hooks.firstField([...new Set(ids)])
      for (const id of ids) {
        if (!cells.has(id)) {
          cells.set(id, Buffer.from(rename(id)))
        }
      }
    }
    // The batch rewritten into one buffer: each record, its first field replaced, then CRLF.
    let size = records.consumed + count
    for (let i = 0; i < ids.length; i++) {
      size += cells.get(ids[i])!.length - (records.firstEnds[i] - records.starts[i])
    }
    const out = Buffer.allocUnsafe(size)
    let pos = 0
    let written = 0
    for (let i = 0; i < count; i++) {
      const end = records.ends[i]
      const last = buf.lastIndexOf(COMMA, end - 1)
      if (!section || buf.compare(section, 0, section.length, last + 1, end) !== 0) {
        if (pos > written) {
          await hooks.write(out.subarray(written, pos))
          written = pos
        }
        const next = Buffer.from(buf.subarray(last + 1, end))
        await hooks.sectionChange(section?.toString("utf8") ?? null, next.toString("utf8"), sumTexts())
        section = next
        sums = sums.map(() => 0n)
      }
      // The money fields before the last, in exact minor units (the decimal point dropped).
      for (let k = 0, e = last; k < sums.length; k++) {
        const c = buf.lastIndexOf(COMMA, e - 1)
        sums[k] += minorUnits(buf, c + 1, e)
        e = c
      }
      if (hooks.firstField) {
        pos += cells.get(ids[i])!.copy(out, pos)
        pos += buf.copy(out, pos, records.firstEnds[i], end)
      } else {
        pos += buf.copy(out, pos, records.starts[i], end)
      }
      out[pos++] = CR
      out[pos++] = LF
    }
    await hooks.write(out.subarray(written, pos))
  }

  for await (const chunk of copy) {
    pending.push(chunk as Buffer)
    pendingBytes += (chunk as Buffer).length
    if (pendingBytes >= BATCH) {
      await flush()
    }
  }
  await flush()
  if (carry.length) {
    throw new Error("COPY output ended inside a record")
  }
  await hooks.sectionChange(section ? (section as Buffer).toString("utf8") : null, null, sumTexts())
}

/**
 * Decimal text ("-987.50", as the SQL rounded it) as minor units, the point
 * dropped: digits read as a Number while exact (15 of them), BigInt beyond.
 */
function minorUnits(buf: Buffer, start: number, end: number): bigint {
  if (end - start > 15) {
    return BigInt(buf.toString("latin1", start, end).replace(".", ""))
  }
  let value = 0
  for (let i = buf[start] === MINUS ? start + 1 : start; i < end; i++) {
    if (buf[i] !== DOT) {
      value = value * 10 + (buf[i] - ZERO)
    }
  }
  return BigInt(buf[start] === MINUS ? -value : value)
}

/** Minor units as decimal text at `precision` ("-1500", "987.50"). */
function minorText(minor: bigint, precision: number): string {
  const negative = minor < 0n
  const digits = (negative ? -minor : minor).toString().padStart(precision + 1, "0")
  const text = precision ? `${digits.slice(0, digits.length - precision)}.${digits.slice(-precision)}` : digits
  return negative ? `-${text}` : text
}

/**
 * Complete records of `buf`: where each starts, where its first field ends
 * (an id: never quoted) and where it ends (its LF; COPY ends records with LF only).
 */
function splitRecords(buf: Buffer) {
  const starts: number[] = []
  const firstEnds: number[] = []
  const ends: number[] = []
  let pos = 0
  let nextQuote = buf.indexOf(QUOTE)
  while (pos < buf.length) {
    const nl = buf.indexOf(LF, pos)
    if (nl < 0) {
      break
    }
    if (nextQuote >= 0 && nextQuote < pos) {
      nextQuote = buf.indexOf(QUOTE, pos)
    }
    let end = nl
    if (nextQuote >= 0 && nextQuote < nl) {
      // A quoted field on this line: walk it quote by quote (it may hold line breaks).
      end = quotedRecordEnd(buf, pos)
      if (end < 0) {
        break
      }
      nextQuote = buf.indexOf(QUOTE, end)
    }
    const comma = buf.indexOf(COMMA, pos)
    starts.push(pos)
    firstEnds.push(comma >= 0 && comma < end ? comma : end)
    ends.push(end)
    pos = end + 1
  }
  return { starts, firstEnds, ends, consumed: pos }
}

/** The LF ending the record at `pos`, quotes followed; -1 when it is not all in `buf`. */
function quotedRecordEnd(buf: Buffer, pos: number): number {
  let inQuotes = false
  for (let i = pos; i < buf.length; i++) {
    const b = buf[i]
    if (b === QUOTE) {
      inQuotes = !inQuotes
    } else if (b === LF && !inQuotes) {
      return i
    }
  }
  return -1
}
