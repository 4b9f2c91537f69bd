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

/**
 * Ends the output and waits until it is flushed. No callback is passed to
 * end(): HTTP compression wraps it and takes a callback for a chunk.
 */
export function endOutput(out: Writable): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve()
    out.once("finish", done)
    out.once("close", done)
    out.end()
  })
}
