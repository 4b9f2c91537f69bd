import { createHook, createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ImportError, ImportGroup } from "../../../modules/accounting/ar/customer-refunds"
import { AccountingEvents } from "../../../modules/accounting/events"
import type { Actor } from "../../../modules/accounting/ledger/audit"
import { importCustomerRefundsStep } from "../steps/import-customer-refunds"
import { loadImportContextStep } from "../steps/load-import-context"

export type ImportCustomerRefundsWorkflowInput = {
  /** The refunds of the file; `rows` are the file lines each comes from. */
  groups: ImportGroup[]
  /** Errors already found in the file (unreadable lines, invalid values). */
  errors?: ImportError[]
  /** Keep the good refunds when some rows fail. */
  partial?: boolean
} & Actor

export type ImportCustomerRefundsWorkflowOutput = { created: string[]; errors: ImportError[] }

export const importCustomerRefundsWorkflowId = "import-customer-refunds"

/**
 * Saves the draft refunds of an import file. Each is checked as
 * createCustomerRefundWorkflow checks one, and credits several rows draw on
 * must cover their sum. Any error, in the file or here, keeps nothing unless
 * `partial`. Hook `refundsImported` ({ ids, errors, input }) runs after the
 * drafts are saved (a throw deletes them); event
 * accounting.customer_refund.imported per draft.
 */
export const importCustomerRefundsWorkflow = createWorkflow(
  importCustomerRefundsWorkflowId,
  (input: ImportCustomerRefundsWorkflowInput) => {
    const loaded = loadImportContextStep(transform({ input }, ({ input }) => ({ groups: input.groups })))
    const imported = importCustomerRefundsStep(
      transform({ input, loaded }, ({ input, loaded }) => ({
        ...loaded,
        partial: !!input.partial,
        reject: !input.partial && !!input.errors?.length,
        actor_id: input.actor_id,
        origin: input.origin ?? "import",
      }))
    )
    const result = transform(
      { input, imported },
      ({ input, imported }): ImportCustomerRefundsWorkflowOutput => ({
        created: imported.created,
        errors: [...(input.errors ?? []), ...imported.errors.map(atLine)].sort((a, b) => a.row - b.row),
      })
    )
    const refundsImported = createHook("refundsImported", {
      ids: transform({ result }, ({ result }) => result.created),
      errors: transform({ result }, ({ result }) => result.errors),
      input,
    })
    emitEventStep({
      eventName: AccountingEvents.CUSTOMER_REFUND_IMPORTED,
      data: transform({ result }, ({ result }) => result.created.map((id) => ({ id }))),
    })
    return new WorkflowResponse(result, { hooks: [refundsImported] })
  }
)

/** Every message of an import starts with the line it is about. */
function atLine(error: ImportError): ImportError {
  const prefix = `line ${error.row}: `
  return error.message.startsWith(prefix) ? error : { ...error, message: prefix + error.message }
}
