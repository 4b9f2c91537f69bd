import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import type AccountingModuleService from "../../../modules/accounting/service"

import type { BulkWriteOffInput } from "../../../modules/accounting/ar/write-offs"

export const bulkWriteOffStepId = "bulk-write-off"

/** Writes off every small balance in one transaction; compensation voids them all. */
export const bulkWriteOffStep = createStep(
  bulkWriteOffStepId,
  async (input: { bulk: BulkWriteOffInput } & Actor, { container }) => {
    const result = await container
      .resolve<AccountingModuleService>(ACCOUNTING_MODULE)
      .bulkWriteOff(input.bulk, { actor_id: input.actor_id, origin: input.origin })
    return new StepResponse(result, { ids: result.ids, date: input.bulk.date })
  },
  async (data, { container }) => {
    const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    for (const id of data?.ids ?? []) {
      await accounting.voidWriteOff(id, { date: data!.date, reason: "Workflow compensation" }, { origin: "compensation" })
    }
  }
)
