import type { BigNumberInput, MedusaContainer } from "@medusajs/framework/types"
import {
  beginOrderEditOrderWorkflow,
  beginReceiveReturnWorkflow,
  beginReturnOrderWorkflow,
  cancelOrderWorkflow,
  capturePaymentWorkflow,
  confirmOrderEditRequestWorkflow,
  confirmReturnReceiveWorkflow,
  confirmReturnRequestWorkflow,
  createOrderFulfillmentWorkflow,
  orderEditUpdateItemQuantityWorkflow,
  receiveItemReturnRequestWorkflow,
  refundPaymentWorkflow,
  requestItemReturnWorkflow,
  requestOrderEditRequestWorkflow,
} from "@medusajs/medusa/core-flows"
import { graph, num } from "./common"

/** Emits payment.captured. Without an amount, captures what is left of the authorization. */
export async function capturePayment(container: MedusaContainer, payment_id: string, amount?: number) {
  const { result } = await capturePaymentWorkflow(container).run({ input: { payment_id, amount } })
  return result
}

/** Emits payment.refunded and, on an order, adds a refund credit line that lowers order.total. */
export async function refundPayment(
  container: MedusaContainer,
  payment_id: string,
  amount: number,
  options: { note?: string; refund_reason_id?: string } = {}
) {
  const { result } = await refundPaymentWorkflow(container).run({
    input: { payment_id, amount, note: options.note, refund_reason_id: options.refund_reason_id },
  })
  return result
}

/**
 * Emits order.canceled. Refunds whatever was captured (without payment.refunded)
 * and cancels uncaptured payments.
 */
export async function cancelOrder(container: MedusaContainer, order_id: string): Promise<void> {
  await cancelOrderWorkflow(container).run({ input: { order_id } })
}

export type ReturnItem = { id: string; quantity: number }

/**
 * The admin return flow up to "received": fulfils what is not yet fulfilled
 * (Medusa only returns fulfilled units), requests the return (emits
 * order.return_requested), then receives it (emits order.return_received).
 * Received units drop out of the order total; nothing is refunded.
 */
export async function receiveReturn(
  container: MedusaContainer,
  order_id: string,
  items: ReturnItem[]
): Promise<{ return_id: string }> {
  await fulfillForReturn(container, order_id, items)

  const { result: change } = await beginReturnOrderWorkflow(container).run({ input: { order_id } })
  const return_id = change.return_id
  if (!return_id) {
    throw new Error(`store-fixture: beginning a return on ${order_id} gave no return id`)
  }
  await requestItemReturnWorkflow(container).run({ input: { return_id, items } })
  await confirmReturnRequestWorkflow(container).run({ input: { return_id } })

  await beginReceiveReturnWorkflow(container).run({ input: { return_id } })
  await receiveItemReturnRequestWorkflow(container).run({ input: { return_id, items } })
  await confirmReturnReceiveWorkflow(container).run({ input: { return_id } })
  return { return_id }
}

/** Fulfils the shortfall between the units to return and the units already fulfilled. */
async function fulfillForReturn(
  container: MedusaContainer,
  order_id: string,
  items: ReturnItem[]
): Promise<void> {
  const [order] = await graph<{
    items?: {
      id: string
      detail?: { fulfilled_quantity?: BigNumberInput; return_requested_quantity?: BigNumberInput }
    }[]
  }>(container, {
    entity: "order",
    fields: ["id", "items.id", "items.detail.fulfilled_quantity", "items.detail.return_requested_quantity"],
    filters: { id: order_id },
  })
  const orderItems = order?.items ?? []
  // Quantities are unit counts, not money: plain integer arithmetic is fine.
  const toFulfill = items
    .map(({ id, quantity }) => {
      const detail = orderItems.find((i) => i.id === id)?.detail
      const available = num(detail?.fulfilled_quantity) - num(detail?.return_requested_quantity)
      return { id, quantity: quantity - available }
    })
    .filter((i) => i.quantity > 0)
  if (toFulfill.length) {
    await createOrderFulfillmentWorkflow(container).run({ input: { order_id, items: toFulfill } })
  }
}

/**
 * The admin order edit flow: begin → update quantity → request → confirm
 * (emits order-edit.requested then order-edit.confirmed). Lowering a quantity
 * lowers the total and leaves a negative pending_difference; nothing is refunded.
 */
export async function editOrderLowerQuantity(
  container: MedusaContainer,
  order_id: string,
  item_id: string,
  new_quantity: number
): Promise<void> {
  await beginOrderEditOrderWorkflow(container).run({ input: { order_id } })
  await orderEditUpdateItemQuantityWorkflow(container).run({
    input: { order_id, items: [{ id: item_id, quantity: new_quantity }] },
  })
  await requestOrderEditRequestWorkflow(container).run({ input: { order_id } })
  await confirmOrderEditRequestWorkflow(container).run({ input: { order_id } })
}
