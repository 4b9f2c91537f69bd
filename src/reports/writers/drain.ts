import type { Writable } from "stream"

/** Waits while the client reads slower than we write (bounded memory). */
export async function waitForDrain(out: Writable): Promise<void> {
  if (out.writableNeedDrain) {
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done)
        out.off("close", done)
        resolve()
      }
      out.once("drain", done)
      out.once("close", done)
    })
  }
}
