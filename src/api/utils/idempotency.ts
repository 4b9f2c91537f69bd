import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { createHash } from "crypto"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import { AccountingError } from "../../modules/accounting/errors"
import { canonicalJson } from "../../modules/accounting/rules/canonical-json"
import type AccountingModuleService from "../../modules/accounting/service"

const WAIT_MS = 10_000

/**
 * Runs `handler` once per Idempotency-Key (per route and admin user): the
 * same key and body get the first answer again; the same key with another
 * body answers 409 IDEMPOTENCY_CONFLICT. Without the header it just runs.
 */
export async function idempotent(
  req: AuthenticatedMedusaRequest<any>,
  res: MedusaResponse,
  handler: () => Promise<{ status?: number; body: unknown }>
) {
  const key = req.get("Idempotency-Key")
  if (!key) {
    const { status = 200, body } = await handler()
    res.status(status).json(body)
    return
  }
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const scope = `${req.method} ${req.baseUrl}${req.path} ${req.auth_context?.actor_id ?? ""}`
  const hash = createHash("sha256")
    .update(canonicalJson(req.validatedBody ?? req.body ?? {}))
    .digest("hex")

  const deadline = Date.now() + WAIT_MS
  let claim = await accounting.claimIdempotencyKey(scope, key, hash)
  // A concurrent first request with this key: wait for its answer.
  while (claim.state === "in_progress" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100))
    claim = await accounting.claimIdempotencyKey(scope, key, hash)
  }
  if (claim.state === "conflict") {
    throw new AccountingError(
      "IDEMPOTENCY_CONFLICT",
      `Idempotency-Key ${key} was already used with a different request body`
    )
  }
  if (claim.state === "replay") {
    res.setHeader("Idempotent-Replayed", "true")
    res.status(claim.status).json(claim.body)
    return
  }
  if (claim.state !== "new") {
    throw new AccountingError(
      "IDEMPOTENCY_IN_PROGRESS",
      `A request with Idempotency-Key ${key} is still running; retry later`
    )
  }
  const claimId = claim.id
  try {
    const { status = 200, body } = await handler()
    await accounting.completeIdempotencyKey(claimId, status, body)
    res.status(status).json(body)
  } catch (e) {
    await accounting.releaseIdempotencyKey(claimId)
    throw e
  }
}
