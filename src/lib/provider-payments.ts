import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { ProviderPayment } from "../modules/accounting/ar/payouts"

/**
 * Medusa's captures and refunds by the provider's payment id (`payment.data.id`:
 * Stripe's payment intent), one query. Query cannot filter on a JSON field,
 * so this reads the payment module's tables (read only, indexed by payment_id).
 */
export async function loadProviderPayments(
  container: MedusaContainer,
  providerId: string,
  providerPaymentIds: string[]
): Promise<Record<string, ProviderPayment>> {
  if (!providerPaymentIds.length) {
    return {}
  }
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const { rows } = await knex.raw(
    `select p.data->>'id' as provider_payment_id, 'capture' as kind, c.id, c.amount::text as amount
       from payment p join capture c on c.payment_id = p.id and c.deleted_at is null
      where p.provider_id = ? and p.deleted_at is null and p.data->>'id' = any(?)
     union all
     select p.data->>'id', 'refund', r.id, r.amount::text
       from payment p join refund r on r.payment_id = p.id and r.deleted_at is null
      where p.provider_id = ? and p.deleted_at is null and p.data->>'id' = any(?)
      order by 1, 2, 3`,
    [providerId, providerPaymentIds, providerId, providerPaymentIds]
  )
  const out: Record<string, ProviderPayment> = {}
  for (const r of rows) {
    const entry = (out[r.provider_payment_id] ??= { captures: [], refunds: [] })
    ;(r.kind === "capture" ? entry.captures : entry.refunds).push({ id: r.id, amount: r.amount })
  }
  return out
}

/** The payment providers Medusa knows (a payout of any other is refused). */
export async function knownPaymentProviders(container: MedusaContainer, ids: string[]): Promise<Set<string>> {
  const providers = await container
    .resolve(Modules.PAYMENT)
    .listPaymentProviders({ id: ids }, { select: ["id"] })
  return new Set(providers.map((p: { id: string }) => p.id))
}
