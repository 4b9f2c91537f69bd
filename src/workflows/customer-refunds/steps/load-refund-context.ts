import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ACCOUNTING_MODULE } from "../../../modules/accounting"
import type { RefundContext, RefundLineInput } from "../../../modules/accounting/ar/customer-refunds"
import type AccountingModuleService from "../../../modules/accounting/service"

export const STORE_CREDIT_MODULE = "store_credit"

/** What is left to refund of a Medusa payment: captured - refunded. */
export function refundableOf(payment: { captures?: any[] | null; refunds?: any[] | null }) {
  const captured = MathBN.sum(...(payment.captures ?? []).map((c: any) => c.raw_amount), 0)
  return MathBN.sub(captured, MathBN.sum(...(payment.refunds ?? []).map((r: any) => r.raw_amount), 0))
}

/** The Medusa payments card refunds go back to, by id, in one query. */
export async function loadPayments(
  container: MedusaContainer,
  ids: string[]
): Promise<Map<string, NonNullable<RefundContext["payment"]>>> {
  if (!ids.length) {
    return new Map()
  }
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: [
      "id",
      "provider_id",
      "currency_code",
      "captures.raw_amount",
      "refunds.raw_amount",
      "payment_collection.order.id",
      "payment_collection.order.customer_id",
    ],
    filters: { id: ids },
  })
  return new Map(
    (data as any[]).map((payment) => [
      payment.id,
      {
        id: payment.id,
        provider_id: payment.provider_id,
        currency_code: payment.currency_code,
        customer_id: payment.payment_collection?.order?.customer_id ?? null,
        order_id: payment.payment_collection?.order?.id ?? null,
        refundable: refundableOf(payment).toString(),
      },
    ])
  )
}

/**
 * Reads what the accounting module cannot see itself: the Medusa payment a
 * card refund goes back to (refundable = captured - refunded) and the
 * loyalty store-credit accounts a refund draws on (balance).
 */
export async function loadRefundContext(
  container: MedusaContainer,
  input: { payment_id?: string | null; lines?: RefundLineInput[] }
): Promise<RefundContext> {
  const context: RefundContext = { payment: null, store_credit_accounts: {} }
  if (input.payment_id) {
    context.payment = (await loadPayments(container, [input.payment_id])).get(input.payment_id) ?? null
  }
  const accountIds = (input.lines ?? [])
    .filter((l) => l.source_type === "store_credit")
    .map((l) => l.source_id)
  if (accountIds.length && container.hasRegistration(STORE_CREDIT_MODULE)) {
    const storeCredit: any = container.resolve(STORE_CREDIT_MODULE)
    for (const account of await storeCredit.listStoreCreditAccounts({ id: accountIds })) {
      context.store_credit_accounts![account.id] = {
        customer_id: account.customer_id,
        currency_code: account.currency_code,
        balance: MathBN.convert(account.balance ?? 0).toString(),
      }
    }
  }
  return context
}

export const loadRefundContextStepId = "load-customer-refund-context"

export const loadRefundContextStep = createStep(
  loadRefundContextStepId,
  async (input: { payment_id?: string | null; lines?: RefundLineInput[] }, { container }) =>
    new StepResponse(await loadRefundContext(container, input))
)

/** The customer's loyalty store-credit balances as refundable credits (less reservations). */
export async function loadStoreCreditCredits(
  container: MedusaContainer,
  customerId: string,
  currency?: string
) {
  if (!container.hasRegistration(STORE_CREDIT_MODULE)) {
    return []
  }
  const storeCredit: any = container.resolve(STORE_CREDIT_MODULE)
  const accounts = await storeCredit.listStoreCreditAccounts({
    customer_id: customerId,
    ...(currency && { currency_code: currency.toLowerCase() }),
  })
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const reserved = await accounting.reservedStoreCredit(accounts.map((a: any) => a.id))
  return accounts
    .map((a: any) => {
      const balance = MathBN.convert(a.balance ?? 0)
      return {
        source_type: "store_credit" as const,
        source_id: a.id,
        ar_document_id: null,
        document_number: a.code ?? null,
        document_date: null,
        order_id: null,
        currency_code: a.currency_code,
        original_amount: balance.toString(),
        remaining_amount: MathBN.sub(balance, reserved.get(a.id) ?? 0).toString(),
      }
    })
    .filter((c: any) => MathBN.gt(c.remaining_amount, 0))
}
