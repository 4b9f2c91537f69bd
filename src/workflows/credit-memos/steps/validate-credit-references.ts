import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import { AccountingError } from "../../../modules/accounting/errors"
import type AccountingModuleService from "../../../modules/accounting/service"

export const validateCreditReferencesStepId = "validate-credit-references"

/**
 * The customer exists, and an order (and return) given belongs to that
 * customer and is in the document's currency.
 */
export const validateCreditReferencesStep = createStep(
  validateCreditReferencesStepId,
  async (
    input: {
      customer_id: string
      currency_code: string
      order_id?: string | null
      return_id?: string | null
    },
    { container }
  ) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: customers } = await query.graph({
      entity: "customer",
      fields: ["id"],
      filters: { id: input.customer_id },
    })
    if (!customers.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer ${input.customer_id} was not found`)
    }
    if (input.order_id) {
      const { data: orders } = await query.graph({
        entity: "order",
        fields: ["id", "display_id", "customer_id", "currency_code", "returns.id", "returns.status"],
        filters: { id: input.order_id },
      })
      const order: any = orders[0]
      if (!order) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${input.order_id} was not found`)
      }
      if (order.customer_id !== input.customer_id) {
        throw new AccountingError("CUSTOMER_MISMATCH", `Order ${input.order_id} belongs to another customer`)
      }
      if (order.currency_code !== input.currency_code.toLowerCase()) {
        throw new AccountingError(
          "CURRENCY_MISMATCH",
          `Order ${input.order_id} is in ${order.currency_code.toUpperCase()}, not ${input.currency_code.toUpperCase()}`
        )
      }
      if (input.return_id) {
        const ret = (order.returns ?? []).find((r: any) => r.id === input.return_id)
        if (!ret) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Return ${input.return_id} is not a return of order ${input.order_id}`
          )
        }
        await refuseMemoForReturn(container, ret, order)
      }
    } else if (input.return_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "return_id needs the order_id it belongs to")
    }
    return new StepResponse(true)
  }
)

/**
 * A return's credit belongs to the return: order sync books it when Medusa
 * receives it (and, with auto_credit_memo_on_return, documents it as a memo).
 * A manual memo for it would credit the customer twice, so it is refused and
 * points to what books the return.
 */
async function refuseMemoForReturn(container: MedusaContainer, ret: { id: string; status: string }, order: any) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  if (ret.status === "received" || ret.status === "partially_received") {
    const [memo] = await accounting.listCreditMemos({ return_id: ret.id }, { select: ["number"] })
    throw new AccountingError(
      "RETURN_ALREADY_CREDITED",
      `Return ${ret.id} is received and already credited ${memo?.number ? `by credit memo ${memo.number}` : `on order #${order.display_id} (its return adjustment)`}; apply or refund that credit instead`
    )
  }
  throw new AccountingError(
    "RETURN_ALREADY_CREDITED",
    `Return ${ret.id} is ${ret.status}: its credit is booked when Medusa receives it; receive the return instead of issuing a memo for it`
  )
}
