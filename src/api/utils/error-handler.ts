import { errorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { AccountingError } from "../../modules/accounting/errors"
import { isOurRoute } from "./our-routes"

const medusaErrorHandler = errorHandler()

/** Postgres error codes that mean "try again", never "the server broke". */
const PG_RETRYABLE: Record<string, { status: number; code: string; message: string }> = {
  "55P03": {
    status: 409,
    code: "LOCK_TIMEOUT",
    message: "Another request holds this document; retry in a moment",
  },
  "40P01": {
    status: 409,
    code: "LOCK_TIMEOUT",
    message: "Concurrent requests deadlocked; retry the request",
  },
  "40001": {
    status: 409,
    code: "LOCK_TIMEOUT",
    message: "Concurrent requests conflicted; retry the request",
  },
}

/**
 * ioredis/BullMQ failures meaning Redis (REDIS_URL) cannot be reached right
 * now: the request did not run to its end, and a retry once Redis is back is
 * the right answer, not a 500. Also matched by message, as the workflow
 * engine may hand the error on as a plain object.
 */
const REDIS_DOWN =
  /^(Reached the max retries per request limit|Connection is closed\.?$|Stream isn't writeable and enableOfflineQueue options is false)/

function isRedisUnavailable(err: any): boolean {
  for (let e = err, depth = 0; e && depth < 4; e = e.cause, depth++) {
    if (
      e.name === "MaxRetriesPerRequestError" ||
      (typeof e.message === "string" && REDIS_DOWN.test(e.message))
    ) {
      return true
    }
  }
  return false
}

/** Medusa error types that keep their status; on our routes they also get a stable code. */
const CODED_TYPES = new Set([
  "invalid_data",
  "not_found",
  "not_allowed",
  "forbidden",
  "unauthorized",
  "duplicate_error",
])

/**
 * A refusal raised by the database itself (the guard triggers and CHECK
 * constraints of the accounting tables): a trigger's message starts with our
 * stable code; a bare CHECK is an integrity violation. Never a 500.
 */
function databaseRefusal(err: any): { code: string; message: string } | null {
  const e = err?.code === "23514" ? err : err?.cause?.code === "23514" ? err.cause : null
  if (!e) {
    return null
  }
  const coded = /^([A-Z_]+): (.*)$/s.exec(String(e.message).replace(/^.* - /s, ""))
  if (coded && AccountingError.is({ code: coded[1] })) {
    return { code: coded[1], message: coded[2] }
  }
  return { code: "INTEGRITY_VIOLATION", message: `The database refused the change: ${e.constraint ?? e.message}` }
}

/**
 * On the plugin's routes: business-rule refusals with their own status and
 * stable code (409/422), the database's own refusals likewise, lock timeouts
 * with 409 and a lost Redis with 503 SERVICE_UNAVAILABLE. Every other route,
 * and every other error, goes to Medusa's own error handler unchanged.
 */
export function accountingErrorHandler() {
  return (err: any, req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction): void => {
    if (!isOurRoute(req.originalUrl ?? req.path)) {
      medusaErrorHandler(err, req, res, next)
      return
    }
    if (AccountingError.is(err)) {
      req.scope?.resolve(ContainerRegistrationKeys.LOGGER)?.info?.(`${err.code}: ${err.message}`)
      res
        .status(AccountingError.statusOf(err))
        .json({ type: "not_allowed", code: err.code, message: err.message })
      return
    }
    const refusal = databaseRefusal(err)
    if (refusal) {
      res.status(AccountingError.statusOf(refusal)).json({ type: "not_allowed", ...refusal })
      return
    }
    if (err?.name === "MulterError") {
      const tooLarge = err.code === "LIMIT_FILE_SIZE"
      res.status(tooLarge ? 413 : 400).json({
        type: "invalid_data",
        code: tooLarge ? "FILE_TOO_LARGE" : "INVALID_UPLOAD",
        message: tooLarge
          ? "The file is larger than the import limit (2 MB)"
          : `Invalid upload: ${err.message} (${err.field ?? "file"})`,
      })
      return
    }
    if (isRedisUnavailable(err)) {
      req.scope
        ?.resolve(ContainerRegistrationKeys.LOGGER)
        ?.error?.(`SERVICE_UNAVAILABLE (Redis): ${req.method} ${req.originalUrl ?? req.path}: ${err.message}`)
      res.setHeader("Retry-After", "5")
      res.status(503).json({
        type: "unexpected_state",
        code: "SERVICE_UNAVAILABLE",
        message:
          "Redis is unreachable (REDIS_URL); the request could not be completed. Retry it once Redis is back.",
      })
      return
    }
    const pg = PG_RETRYABLE[err?.code] ?? PG_RETRYABLE[err?.cause?.code]
    if (pg) {
      res.status(pg.status).json({ type: "conflict", code: pg.code, message: pg.message })
      return
    }
    // Unreadable JSON or an oversized body (body-parser) is bad input too.
    if (typeof err?.status === "number" && err.status < 500 && err.expose) {
      res.status(err.status).json({
        type: "invalid_data",
        code: err.status === 413 ? "PAYLOAD_TOO_LARGE" : "MALFORMED_BODY",
        message:
          err.status === 413 ? "The request body is too large" : `The request body is not valid JSON: ${err.message}`,
      })
      return
    }
    if (CODED_TYPES.has(err?.type) && !err.code) {
      err.code = String(err.type).toUpperCase()
    }
    medusaErrorHandler(err, req, res, next)
  }
}
