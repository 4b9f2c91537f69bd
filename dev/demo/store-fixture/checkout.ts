import type { MedusaContainer } from "@medusajs/framework/types"
import {
  addShippingMethodToCartWorkflow,
  completeCartWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
} from "@medusajs/medusa/core-flows"
import { PAYMENT_PROVIDER_ID, StoreFixture, currencySetup } from "./common"
import { ensureStore } from "./setup"
import { getOrderTotals } from "./reading"

export type PlaceOrderInput = {
  customer_id: string
  email: string
  currency_code: string
  items: { variant_id: string; quantity: number }[]
  promo_code?: string
  /** Defaults to the system provider (payments stay authorized until captured). */
  provider_id?: string
}

export type PlacedOrder = {
  order_id: string
  cart_id: string
  payment_id: string
  payment_collection_id: string
  /** As Query returns it: a number in major units. */
  total: number
}

/**
 * Checks out like a storefront: cart → shipping method → payment collection
 * and session → completeCartWorkflow (emits order.placed). The system payment
 * provider leaves the payment authorized, not captured.
 */
export async function placeOrder(
  container: MedusaContainer,
  fixture: StoreFixture,
  input: PlaceOrderInput
): Promise<PlacedOrder> {
  const code = input.currency_code.toLowerCase()
  const region = fixture.regions[code]
  const shipping_option_id = fixture.shipping_option_ids[code]
  if (!region || !shipping_option_id) {
    throw new Error(`store-fixture: the fixture has no region for ${code}; pass it to ensureStore`)
  }
  const { address } = currencySetup(code)
  const customerAddress = {
    first_name: "Demo",
    last_name: "Customer",
    ...address,
    country_code: region.country_code,
  }

  const { result: cart } = await createCartWorkflow(container).run({
    input: {
      region_id: region.id,
      currency_code: code,
      sales_channel_id: fixture.sales_channel_id,
      customer_id: input.customer_id,
      email: input.email,
      shipping_address: customerAddress,
      billing_address: customerAddress,
      items: input.items,
      promo_codes: input.promo_code ? [input.promo_code] : undefined,
    },
  })
  await addShippingMethodToCartWorkflow(container).run({
    input: { cart_id: cart.id, options: [{ id: shipping_option_id }] },
  })
  const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({
    input: { cart_id: cart.id },
  })
  await createPaymentSessionsWorkflow(container).run({
    input: { payment_collection_id: collection.id, provider_id: input.provider_id ?? PAYMENT_PROVIDER_ID },
  })
  const { result: placed } = await completeCartWorkflow(container).run({ input: { id: cart.id } })

  const order = await getOrderTotals(container, placed.id)
  const payment = order.payment_collections.flatMap((pc) => pc.payments)[0]
  if (!payment) {
    throw new Error(`store-fixture: order ${placed.id} has no payment`)
  }
  return {
    order_id: order.id,
    cart_id: cart.id,
    payment_id: payment.id,
    payment_collection_id: collection.id,
    total: order.total,
  }
}
