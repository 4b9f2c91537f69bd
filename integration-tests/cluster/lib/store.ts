import { ok } from "./http"

/** What integration-tests/cluster/setup.ts writes for the driver. */
export type StoreData = {
  publishable_key: string
  region_id: string
  country_code: string
  shipping_option_id: string
  variant_ids: { widget: string; gadget: string }
  customers: { id: string; email: string }[]
}

export type Placed = { order_id: string; payment_id: string; total: number; server: string }

const ADDRESS = {
  first_name: "Cluster",
  last_name: "Shopper",
  address_1: "1 Main Street",
  city: "Springfield",
  postal_code: "12345",
}

/**
 * Checks out like a storefront, through Medusa's own store API: cart, line
 * item, shipping method, payment collection and a `pp_system_default`
 * session, complete. The payment stays authorized (capture it separately).
 */
export async function placeOrder(
  base: string,
  store: StoreData,
  admin: string,
  { email, quantity = 1 }: { email: string; quantity?: number }
): Promise<Placed> {
  const headers = { "x-publishable-api-key": store.publishable_key }
  const address = { ...ADDRESS, country_code: store.country_code }
  const {
    body: { cart },
  } = await ok(base, "POST", "/store/carts", {
    headers,
    body: {
      region_id: store.region_id,
      email,
      shipping_address: address,
      billing_address: address,
      items: [{ variant_id: quantity % 2 ? store.variant_ids.widget : store.variant_ids.gadget, quantity }],
    },
  })
  await ok(base, "POST", `/store/carts/${cart.id}/shipping-methods`, {
    headers,
    body: { option_id: store.shipping_option_id },
  })
  const {
    body: { payment_collection },
  } = await ok(base, "POST", "/store/payment-collections", { headers, body: { cart_id: cart.id } })
  await ok(base, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
    headers,
    body: { provider_id: "pp_system_default" },
  })
  const { body: completed } = await ok(base, "POST", `/store/carts/${cart.id}/complete`, { headers })
  if (completed.type !== "order") {
    throw new Error(`cart ${cart.id} did not complete: ${JSON.stringify(completed).slice(0, 500)}`)
  }
  const order_id = completed.order.id as string
  const {
    body: { order },
  } = await ok(base, "GET", `/admin/orders/${order_id}?fields=id,total,payment_collections.payments.id`, {
    headers: bearer(admin),
  })
  const payment_id = order.payment_collections?.[0]?.payments?.[0]?.id
  if (!payment_id) {
    throw new Error(`order ${order_id} has no payment`)
  }
  return { order_id, payment_id, total: Number(order.total), server: base }
}

/** POST /admin/payments/:id/capture (emits payment.captured). */
export async function capture(base: string, admin: string, payment_id: string) {
  await ok(base, "POST", `/admin/payments/${payment_id}/capture`, { headers: bearer(admin), body: {} })
}

/** Places an order through `placeVia` and captures its payment through `captureVia`. */
export async function placeAndCapture(
  placeVia: string,
  captureVia: string,
  store: StoreData,
  admin: string,
  options: { email: string; quantity?: number }
): Promise<Placed> {
  const order = await placeOrder(placeVia, store, admin, options)
  await capture(captureVia, admin, order.payment_id)
  return order
}

/** POST /admin/payments/:id/refund (emits payment.refunded). */
export async function refundPayment(base: string, admin: string, payment_id: string, amount: number) {
  await ok(base, "POST", `/admin/payments/${payment_id}/refund`, {
    headers: bearer(admin),
    body: { amount },
  })
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** An issued credit memo for the customer (an AR credit a refund can draw on). */
export async function issuedCreditMemo(
  base: string,
  admin: string,
  { customer_id, amount, date }: { customer_id: string; amount: string; date: string }
): Promise<string> {
  const {
    body: { credit_memo },
  } = await ok(base, "POST", "/admin/credit-memos", {
    headers: bearer(admin),
    body: {
      customer_id,
      currency_code: "usd",
      date,
      reason: "Cluster test allowance",
      lines: [{ description: "Allowance", amount }],
    },
  })
  await ok(base, "POST", `/admin/credit-memos/${credit_memo.id}/issue`, { headers: bearer(admin), body: {} })
  return credit_memo.id
}

export function refundBody(customer_id: string, memo_id: string, amount: string, date: string) {
  return {
    customer_id,
    currency_code: "usd",
    refund_date: date,
    method: "check",
    reference: "cluster",
    lines: [{ source_type: "credit_memo", source_id: memo_id, amount }],
    post: true,
  }
}
