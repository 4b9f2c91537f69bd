import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { WriteOffInput } from "../../../modules/accounting/ar/write-offs"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const createWriteOffStepId = "create-write-off"

/**
 * Posts the write-off, or keeps it as a draft awaiting approval. Compensation
 * voids a posted one on its own date (the order owes again) and deletes a draft.
 */
export const createWriteOffStep = createStep(
  createWriteOffStepId,
  async (input: { write_off: WriteOffInput } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const actor = { actor_id: input.actor_id, origin: input.origin }
    const id = await accounting.createWriteOff(input.write_off, actor)
    const { status } = await accounting.retrieveWriteOff(id, { select: ["status"] })
    return new StepResponse({ id, status }, { id, status, date: input.write_off.date })
  },
  async (data, { container }) => {
    if (!data) {
      return
    }
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    if (data.status === "draft") {
      await accounting.deleteWriteOffDraft(data.id, { origin: "compensation" })
    } else {
      await accounting.voidWriteOff(data.id, { date: data.date, reason: "Workflow compensation" }, { origin: "compensation" })
    }
  }
)
