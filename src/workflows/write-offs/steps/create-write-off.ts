import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

import type { WriteOffInput } from "../../../modules/accounting/ar/write-offs"

export const createWriteOffStepId = "create-write-off"

/** Posts the write-off; compensation voids it on its own date (the order owes again). */
export const createWriteOffStep = createStep(
  createWriteOffStepId,
  async (input: { write_off: WriteOffInput } & Actor, { container }) => {
    const id = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .createWriteOff(input.write_off, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(id, { id, date: input.write_off.date })
  },
  async (data, { container }) => {
    if (data) {
      await container
        .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
        .voidWriteOff(data.id, { date: data.date, reason: "Workflow compensation" }, { origin: "compensation" })
    }
  }
)
