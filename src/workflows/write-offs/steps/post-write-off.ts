import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

export const postWriteOffStepId = "post-write-off"

/** Posts an approved draft write-off. Compensation voids it on its own date. */
export const postWriteOffStep = createStep(
  postWriteOffStepId,
  async (input: { id: string } & Actor, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    await accounting.postWriteOff(input.id, { actor_id: input.actor_id, origin: input.origin })
    const { write_off_date } = await accounting.retrieveWriteOff(input.id, { select: ["write_off_date"] })
    return new StepResponse(input.id, { id: input.id, date: write_off_date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .voidWriteOff(data.id, { date: data.date, reason: "Workflow compensation" }, { origin: "compensation" })
    }
  }
)
