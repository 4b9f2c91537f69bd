import { Readable } from "stream"
import { pipeCopyCsv } from "../writers/copy-csv"

/** Runs pipeCopyCsv over `text` cut into `chunk`-byte pieces; what the client receives, totals in place. */
async function pipe(text: string, chunk: number, rename?: (id: string) => string) {
  const bytes = Buffer.from(text, "utf8")
  const pieces = Array.from({ length: Math.ceil(bytes.length / chunk) }, (_, i) =>
    bytes.subarray(i * chunk, (i + 1) * chunk)
  )
  const out: Buffer[] = []
  const lookups: string[][] = []
  await pipeCopyCsv(Readable.from(pieces), {
    firstField: rename
      ? async (ids) => {
          lookups.push(ids)
          return rename
        }
      : undefined,
    sumFields: { count: 2, precision: (currency) => ({ jpy: 0, kwd: 3 })[currency] ?? 2 },
    sectionChange: async (ended, next, sums) => {
      if (ended !== null) {
        out.push(Buffer.from(`TOTAL ${ended} ${sums.join(" ")}\r\n`))
      }
      if (next !== null) {
        out.push(Buffer.from(`SECTION ${next}\r\n`))
      }
    },
    write: async (b) => {
      out.push(Buffer.from(b))
    },
  })
  return { text: Buffer.concat(out).toString("utf8"), lookups }
}

describe("pipeCopyCsv (COPY output to our CSV)", () => {
  const copy = [
    `cus_1,CM-1,-10.50,-10.50,eur\n`,
    `cus_1,"multi\nline, ""quoted""",20.25,5.00,eur\n`,
    `cus_2,#2,1000,1000,jpy\n`,
    `cus_2,#3,-1,0,jpy\n`,
    `cus_3,#4,1.005,-0.001,kwd\n`,
    `cus_3,#5,123456789012345678.901,0.000,kwd\n`,
  ].join("")

  it.each([1, 7, 64, 4096])(
    "ends records in CRLF and adds each section's money exactly (%i-byte chunks)",
    async (chunk) => {
      const { text } = await pipe(copy, chunk)
      expect(text).toBe(
        [
          `SECTION eur`,
          `cus_1,CM-1,-10.50,-10.50,eur`,
          `cus_1,"multi\nline, ""quoted""",20.25,5.00,eur`,
          `TOTAL eur 9.75 -5.50`,
          `SECTION jpy`,
          `cus_2,#2,1000,1000,jpy`,
          `cus_2,#3,-1,0,jpy`,
          `TOTAL jpy 999 1000`,
          `SECTION kwd`,
          `cus_3,#4,1.005,-0.001,kwd`,
          `cus_3,#5,123456789012345678.901,0.000,kwd`,
          // Past 15 digits the sum is still exact (BigInt).
          `TOTAL kwd 123456789012345679.906 -0.001`,
          ``,
        ].join("\r\n")
      )
    }
  )

  it("puts a looked-up cell in place of the first field, longer or shorter, one lookup per distinct id", async () => {
    const names: Record<string, string> = { cus_1: `"Ann, Ltd"`, cus_2: "B" }
    const { text, lookups } = await pipe(copy, 1 << 20, (id) => names[id] ?? id)
    expect(lookups).toEqual([["cus_1", "cus_2", "cus_3"]])
    expect(text.split("\r\n").filter((l) => !/^(SECTION|TOTAL)/.test(l))).toEqual([
      `"Ann, Ltd",CM-1,-10.50,-10.50,eur`,
      `"Ann, Ltd","multi\nline, ""quoted""",20.25,5.00,eur`,
      `B,#2,1000,1000,jpy`,
      `B,#3,-1,0,jpy`,
      `cus_3,#4,1.005,-0.001,kwd`,
      `cus_3,#5,123456789012345678.901,0.000,kwd`,
      ``,
    ])
  })

  it("carries records across its 256 KB batches and refuses output cut inside a record", async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `cus_${i},DOC-${i},1.01,0.01,usd\n`).join("")
    const { text } = await pipe(rows, 10_000)
    const lines = text.split("\r\n")
    expect(lines).toHaveLength(20_000 + 3)
    expect(lines[20_000]).toBe("cus_19999,DOC-19999,1.01,0.01,usd")
    expect(lines[20_001]).toBe("TOTAL usd 20200.00 200.00")
    await expect(pipe(`cus_1,"open quote,1,1,usd\n`, 8)).rejects.toThrow("COPY output ended inside a record")
  })
})
