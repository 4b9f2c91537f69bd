import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountingError } from "../../../modules/accounting/errors"

/**
 * Longest a posting may hold its refund before the recovery job may settle it
 * (ACCOUNTING_REFUND_LOCK_SECONDS; the cluster test shortens it).
 */
export const REFUND_LOCK_SECONDS = Number(process.env.ACCOUNTING_REFUND_LOCK_SECONDS ?? 15 * 60)

export const refundLockKey = (id: string) => `accounting:customer_refund:${id}`

export const lockCustomerRefundStepId = "lock-customer-refund"

/**
 * Holds the refund (Medusa's Locking module: in memory on one instance, Redis
 * across many) while it is posted, so the recovery job never settles a
 * refund whose workflow is still running.
 */
export const lockCustomerRefundStep = createStep(
  lockCustomerRefundStepId,
  async (input: { id: string }, { container, context }) => {
    const owner = `post:${context.transactionId}`
    try {
      await container
        .resolve(Modules.LOCKING)
        .acquire(refundLockKey(input.id), { ownerId: owner, expire: REFUND_LOCK_SECONDS })
    } catch {
      throw new AccountingError("POSTING_IN_PROGRESS", `Refund ${input.id} is being posted or recovered; retry in a moment`)
    }
    return new StepResponse({ id: input.id, owner }, { id: input.id, owner })
  },
  async (held, { container }) => {
    if (held) {
      await container.resolve(Modules.LOCKING).release(refundLockKey(held.id), { ownerId: held.owner })
    }
  }
)

export const unlockCustomerRefundStepId = "unlock-customer-refund"

export const unlockCustomerRefundStep = createStep(
  unlockCustomerRefundStepId,
  async (held: { id: string; owner: string }, { container }) => {
    await container.resolve(Modules.LOCKING).release(refundLockKey(held.id), { ownerId: held.owner })
    return new StepResponse(held.id)
  }
)
