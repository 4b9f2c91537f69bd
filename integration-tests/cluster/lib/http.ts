/** A small fetch client for driving the cluster over HTTP (Node 20's fetch). */

export type Res<T = any> = { status: number; body: T; ms: number; headers: Headers }

export type RequestOptions = {
  body?: unknown
  headers?: Record<string, string>
  timeoutMs?: number
}

/**
 * One request; never throws on an HTTP status, only on a network failure or
 * the timeout (then the error says which). `status: 0` is never returned.
 */
export async function request<T = any>(
  base: string,
  method: string,
  path: string,
  { body, headers = {}, timeoutMs = 60_000 }: RequestOptions = {}
): Promise<Res<T>> {
  const started = performance.now()
  let res: Response
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body !== undefined && { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (e: any) {
    const reason =
      e?.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : (e?.cause?.code ?? e?.message)
    throw new Error(`${method} ${base}${path}: ${reason}`)
  }
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = text ? JSON.parse(text) : null
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed, ms: performance.now() - started, headers: res.headers }
}

/** Like request, but a status outside 2xx is an error naming the call and the answer. */
export async function ok<T = any>(base: string, method: string, path: string, options?: RequestOptions) {
  const res = await request<T>(base, method, path, options)
  if (res.status < 200 || res.status >= 300) {
    throw new Error(
      `${method} ${base}${path} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`
    )
  }
  return res
}

export async function adminToken(base: string, email: string, password: string): Promise<string> {
  const { body } = await ok(base, "POST", "/auth/user/emailpass", { body: { email, password } })
  return body.token
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Polls until `check` returns a truthy value; the error names what it waited for. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T>,
  { timeoutMs = 120_000, intervalMs = 500 } = {}
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs
  let last: T | undefined
  let lastError: unknown
  while (Date.now() < deadline) {
    try {
      last = await check()
      if (last) {
        return last as NonNullable<T>
      }
    } catch (e) {
      lastError = e
    }
    await sleep(intervalMs)
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what} (last: ${JSON.stringify(last)}${
      lastError ? `, error: ${(lastError as Error).message}` : ""
    })`
  )
}

/** 0, 1, ..., n - 1. */
export const range = (n: number) => Array.from({ length: n }, (_, i) => i)

/** Runs `fn` over `items` with at most `concurrency` in flight; results in input order. */
export async function pool<I, O>(
  items: I[],
  concurrency: number,
  fn: (item: I, index: number) => Promise<O>
) {
  const results: O[] = new Array(items.length)
  let next = 0
  const lanes = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  })
  await Promise.all(lanes)
  return results
}

export function percentile(values: number[], p: number): number {
  if (!values.length) {
    return NaN
  }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.ceil((p / 100) * sorted.length) - 1
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]
}
