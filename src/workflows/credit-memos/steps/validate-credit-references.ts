import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { AccountingError } from "../../../modules/accounting/errors"

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
        fields: ["id", "customer_id", "currency_code", "returns.id"],
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
      if (input.return_id && !(order.returns ?? []).some((r: any) => r.id === input.return_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Return ${input.return_id} is not a return of order ${input.order_id}`
        )
      }
    } else if (input.return_id) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "return_id needs the order_id it belongs to")
    }
    return new StepResponse(true)
  }
)
