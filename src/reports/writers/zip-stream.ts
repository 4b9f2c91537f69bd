import type { Writable } from "stream"
import zlib from "zlib"
import { waitForDrain } from "./drain"

/** Sizes past which a zip needs ZIP64 records, which this writer does not write. */
const ZIP32_LIMIT = 0xffffffff

type Entry = { name: Buffer; offset: number; crc: number; compressed: number; size: number }

/**
 * A zip archive written as it goes (an XLSX is one): each file deflated
 * into `out` with its sizes in a data descriptor after it, the central
 * directory at the end. One file is open at a time; `write` waits while the
 * client is behind, so memory stays flat however large a file.
 */
export class ZipStream {
  private readonly entries: Entry[] = []
  private offset = 0
  private current: { entry: Entry; deflate: zlib.DeflateRaw; done: Promise<void> } | null = null

  constructor(private readonly out: Writable) {}

  async open(name: string): Promise<void> {
    await this.close()
    const entry: Entry = {
      name: Buffer.from(name, "utf8"),
      offset: this.offset,
      crc: 0,
      compressed: 0,
      size: 0,
    }
    await this.emit(localHeader(entry.name))
    // Level 1: a report is written once and read once; level 6 cost the XLSX
    // writer 40% more CPU for a file 15% smaller (issue 19).
    const deflate = zlib.createDeflateRaw({ level: 1 })
    const done = (async () => {
      for await (const chunk of deflate) {
        entry.compressed += (chunk as Buffer).length
        await this.emit(chunk as Buffer)
      }
    })()
    done.catch(() => undefined) // awaited in close()
    this.current = { entry, deflate, done }
  }

  /** Appends to the open file. */
  async write(data: Buffer | string): Promise<void> {
    const current = this.current!
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data
    current.entry.crc = zlib.crc32(bytes, current.entry.crc)
    current.entry.size += bytes.length
    if (!current.deflate.write(bytes)) {
      await new Promise<void>((resolve) => current.deflate.once("drain", () => resolve()))
    }
  }

  /** Closes the open file: the rest of its deflated bytes, then its data descriptor. */
  async close(): Promise<void> {
    const current = this.current
    if (!current) {
      return
    }
    this.current = null
    current.deflate.end()
    await current.done
    const { entry } = current
    if (entry.size > ZIP32_LIMIT || entry.compressed > ZIP32_LIMIT || this.offset > ZIP32_LIMIT) {
      throw new Error(`${entry.name} is too large for a zip without ZIP64 (${entry.size} bytes)`)
    }
    await this.emit(dataDescriptor(entry))
    this.entries.push(entry)
  }

  /** Closes the open file and writes the central directory. */
  async finish(): Promise<void> {
    await this.close()
    const start = this.offset
    for (const entry of this.entries) {
      await this.emit(centralHeader(entry))
    }
    await this.emit(endOfCentralDirectory(this.entries.length, this.offset - start, start))
  }

  private async emit(bytes: Buffer) {
    this.offset += bytes.length
    this.out.write(bytes)
    await waitForDrain(this.out)
  }
}

// Version 2.0, bit 3 (sizes in the data descriptor), bit 11 (UTF-8 names), deflate, no time stamp (1980-01-01).
const VERSION = 20
const FLAGS = 0x0808
const DEFLATE = 8
const DOS_DATE = (0 << 9) | (1 << 5) | 1

/**
 * The fields a local and a central header share, from `at`: version needed,
 * flags, method, time, date, crc, sizes, name length. A local header (no
 * `entry` yet) leaves crc and sizes at 0: they follow the data, in its descriptor.
 */
function fileFields(b: Buffer, at: number, name: Buffer, entry?: Entry) {
  b.writeUInt16LE(VERSION, at)
  b.writeUInt16LE(FLAGS, at + 2)
  b.writeUInt16LE(DEFLATE, at + 4)
  b.writeUInt16LE(0, at + 6)
  b.writeUInt16LE(DOS_DATE, at + 8)
  b.writeUInt32LE((entry?.crc ?? 0) >>> 0, at + 10)
  b.writeUInt32LE(entry?.compressed ?? 0, at + 14)
  b.writeUInt32LE(entry?.size ?? 0, at + 18)
  b.writeUInt16LE(name.length, at + 22)
}

function localHeader(name: Buffer) {
  const b = Buffer.alloc(30)
  b.writeUInt32LE(0x04034b50, 0)
  fileFields(b, 4, name)
  return Buffer.concat([b, name])
}

function dataDescriptor(e: Entry) {
  const b = Buffer.alloc(16)
  b.writeUInt32LE(0x08074b50, 0)
  b.writeUInt32LE(e.crc >>> 0, 4)
  b.writeUInt32LE(e.compressed, 8)
  b.writeUInt32LE(e.size, 12)
  return b
}

function centralHeader(e: Entry) {
  const b = Buffer.alloc(46)
  b.writeUInt32LE(0x02014b50, 0)
  b.writeUInt16LE(VERSION, 4) // version made by
  fileFields(b, 6, e.name, e)
  // extra, comment, disk, internal and external attributes: 0
  b.writeUInt32LE(e.offset, 42)
  return Buffer.concat([b, e.name])
}

function endOfCentralDirectory(count: number, size: number, offset: number) {
  const b = Buffer.alloc(22)
  b.writeUInt32LE(0x06054b50, 0)
  b.writeUInt16LE(count, 8)
  b.writeUInt16LE(count, 10)
  b.writeUInt32LE(size, 12)
  b.writeUInt32LE(offset, 16)
  return b
}
