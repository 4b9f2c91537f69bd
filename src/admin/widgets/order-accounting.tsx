import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Text, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Link } from "react-router-dom"
import { ApplyMemoDrawer } from "../components/apply-memo-drawer"
import { CreditMemoFormModal } from "../components/credit-memo-form-modal"
import { GoodwillRefundDrawer } from "../components/goodwill-refund-drawer"
import { Money } from "../components/money"
import { NoticeProvider, PageNotice, useNotice } from "../components/notice"
import { RefundFormModal } from "../components/refund-form-modal"
import { RowActions } from "../components/row-actions"
import { DocumentLine, Empty, LoadError, Loading, Section, SubSection } from "../components/section"
import { useAccountingMutation, useCreditMemos, useOrderAccounting, usePermissions } from "../hooks/accounting"
import type { OrderAccounting } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { errorMessage } from "../lib/errors"
import { formatDate, methodLabel, orderLabel, sourceTypeLabel, todayIso } from "../lib/format"
import { formatMoney, sumMoney, toDecimal, type MoneyValue } from "../lib/money"
import { refundResultText } from "../lib/refunds"

/** One figure of the explanation: its label, what it means, its amount. */
const Figure = ({
  label,
  hint,
  amount,
  currency,
  strong,
  children,
  "data-testid": testId,
}: {
  label: string
  hint?: string
  amount: MoneyValue
  currency: string
  strong?: boolean
  children?: ReactNode
  "data-testid"?: string
}) => (
  <div className="flex flex-col gap-y-0.5" data-testid={testId}>
    <div className="flex items-center justify-between gap-x-4">
      <div>
        <Text size="small" weight={strong ? "plus" : "regular"}>
          {label}
        </Text>
        {hint && (
          <Text size="xsmall" className="text-ui-fg-subtle">
            {hint}
          </Text>
        )}
      </div>
      <Money amount={amount} currency={currency} className={strong ? "font-medium" : undefined} />
    </div>
    {children}
  </div>
)

/** When the open amount is due, and by how long it is overdue. */
const dueText = (summary: OrderAccounting) => {
  if (!summary.due_date) {
    return null
  }
  const open = toDecimal(summary.open)
  if (!open.gt(0)) {
    return `Due ${formatDate(summary.due_date)}`
  }
  const days = Math.floor((Date.parse(todayIso()) - Date.parse(summary.due_date)) / 86_400_000)
  return days > 0 ? `Due ${formatDate(summary.due_date)}: ${days} days overdue` : `Due ${formatDate(summary.due_date)}`
}

/**
 * Receivable, paid, refunded, credits applied (which memo, how much),
 * refunds paid from the order's credits, and what is open: each figure
 * explained, with why it may differ from Medusa's "Outstanding amount", the
 * journal entries behind it, and the actions in the "…" menu.
 */
const OrderAccountingSection = ({ order }: { order: AdminOrder }) => {
  const { data, isLoading, error, refetch } = useOrderAccounting(order.id)
  const { can } = usePermissions()
  const notice = useNotice()
  const prompt = usePrompt()
  const [memoOpen, setMemoOpen] = useState(false)
  const [refundOpen, setRefundOpen] = useState(false)
  const [applyOpen, setApplyOpen] = useState(false)
  const [goodwillOpen, setGoodwillOpen] = useState(false)
  const summary = data?.order_accounting
  const currency = order.currency_code
  const customerId = order.customer_id
  const memos = useCreditMemos({
    customer_id: customerId ?? undefined,
    status: "issued",
    currency_code: currency,
    limit: 100,
  }, !!customerId)
  const withCredit = (memos.data?.credit_memos ?? []).filter((m) => toDecimal(m.remaining_amount).gt(0))
  const unapply = useAccountingMutation((v: { memo: string; application: string }) =>
    accounting.creditMemos.unapply(v.memo, v.application, todayIso())
  )

  const applied = sumMoney(summary?.credit_applications.map((a) => a.amount) ?? [])
  const refundedFromCredits = sumMoney(summary?.refunds_from_credits.map((r) => r.amount) ?? [])
  const medusaOutstanding = order.summary?.pending_difference
  const differs = medusaOutstanding !== undefined && summary && !toDecimal(medusaOutstanding).eq(toDecimal(summary.open))

  const confirmUnapply = async (a: OrderAccounting["credit_applications"][number]) => {
    if (
      await prompt({
        title: `Unapply ${a.credit_memo_number} from this order?`,
        description: `${formatMoney(a.amount, currency)} goes back to the memo and the order owes it again (as of today).`,
        confirmText: "Unapply",
      })
    ) {
      unapply.mutate(
        { memo: a.credit_memo_id, application: a.application_id },
        {
          onSuccess: () => notice.success(`${a.credit_memo_number} unapplied from this order`),
          onError: (e) => notice.error(`Not unapplied: ${errorMessage(e)}`),
        }
      )
    }
  }

  return (
    <Section
      title="Accounting"
      subtitle="Accounts receivable for this order"
      data-testid="order-accounting-widget"
      actions={
        customerId && (
          <RowActions
            label="Accounting actions"
            actions={[
              can("credit_memos:add") && {
                label: "Create credit memo…",
                onClick: () => setMemoOpen(true),
                testId: "order-create-memo",
              },
              can("credit_memos:apply") &&
                !!summary?.posted &&
                withCredit.length > 0 && {
                  label: "Apply a credit memo to this order…",
                  onClick: () => setApplyOpen(true),
                  testId: "order-apply-memo",
                },
              can("customer_refunds:add") && {
                label: "Refund credits…",
                onClick: () => setRefundOpen(true),
                testId: "refund-credits",
              },
              can("credit_memos:issue") &&
                can("customer_refunds:post") &&
                !!summary?.posted && {
                  label: "Goodwill refund…",
                  onClick: () => setGoodwillOpen(true),
                  testId: "order-goodwill-refund",
                },
            ]}
          />
        )
      }
    >
      <div className="px-6 pt-3 empty:hidden">
        <PageNotice />
      </div>
      {isLoading && <Loading />}
      {error && <LoadError error={error} what="The order's accounting" onRetry={() => refetch()} />}
      {summary && !summary.posted && (
        <Empty>Not posted to the ledger yet (see Accounting → Overview, posting errors).</Empty>
      )}
      {summary?.posted && (
        <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="order-accounting">
          <Figure
            label="Receivable"
            hint="What the order asks of the customer, after edits, returns and cancellations"
            amount={summary.receivable}
            currency={currency}
          />
          <Figure label="Paid" hint="Payments captured" amount={summary.paid} currency={currency} />
          {!toDecimal(summary.refunded).isZero() && (
            <Figure label="Refunded to the card" hint="Refunds made in Medusa" amount={summary.refunded} currency={currency} />
          )}
          {summary.credit_applications.length > 0 && (
            <Figure label="Credits applied" amount={applied.toString()} currency={currency} data-testid="credits-applied">
              {summary.credit_applications.map((a) => (
                <div key={a.application_id} className="flex items-center justify-between pl-3">
                  <Text size="xsmall" className="text-ui-fg-subtle">
                    {a.credit_memo_number} · {formatDate(a.date)} · {formatMoney(a.amount, currency)}
                  </Text>
                  {a.kind === "manual" && can("credit_memos:apply") && (
                    <Button size="small" variant="transparent" onClick={() => confirmUnapply(a)}>
                      Unapply…
                    </Button>
                  )}
                </div>
              ))}
            </Figure>
          )}
          {summary.refunds_from_credits.length > 0 && (
            <Figure
              label="Refunded from this order's credits"
              hint="Customer refunds paid out of what this order overpaid"
              amount={refundedFromCredits.toString()}
              currency={currency}
            >
              {summary.refunds_from_credits.map((r) => (
                <Text key={r.id} size="xsmall" className="pl-3 text-ui-fg-subtle">
                  {r.number ?? "Draft"} · {methodLabel(r.method)} · {formatDate(r.date)} · {formatMoney(r.amount, currency)}
                </Text>
              ))}
            </Figure>
          )}
          <div className="border-t pt-3">
            <Figure
              label={toDecimal(summary.open).lt(0) ? "Owed to the customer" : "Open"}
              hint={dueText(summary) ?? undefined}
              amount={toDecimal(summary.open).abs().toString()}
              currency={currency}
              strong
              data-testid="order-open"
            />
          </div>
          {differs && (
            <Text size="xsmall" className="text-ui-fg-subtle" data-testid="outstanding-note">
              Medusa's "Outstanding amount" ({formatMoney(medusaOutstanding, currency)}) counts payments and refunds
              only. This figure also counts credit memos applied and refunds paid from the order's credits.
            </Text>
          )}
        </div>
      )}
      {!!summary?.journal_entries.length && (
        <SubSection title="Journal entries" data-testid="order-journal">
          {summary.journal_entries.map((e) => (
            <div key={e.id} className="flex items-center justify-between gap-x-2">
              <Link to={`/accounting/journal?entry=${e.id}`} className="txt-small text-ui-fg-interactive">
                {e.number ?? "Draft"}
              </Link>
              <Text size="xsmall" className="truncate text-ui-fg-subtle">
                {formatDate(e.entry_date)} · {sourceTypeLabel(e.source_type)}
              </Text>
            </div>
          ))}
          {order.display_id && (
            <Link
              to={`/accounting/journal?order=${order.display_id}`}
              className="txt-xsmall text-ui-fg-interactive pt-1"
            >
              All entries of order {orderLabel({ id: order.id, display_id: order.display_id })} in the journal
            </Link>
          )}
        </SubSection>
      )}
      {!!summary?.credit_memos.length && (
        <SubSection title="Credit memos">
          {summary.credit_memos.map((m) => (
            <DocumentLine
              key={m.id}
              label={m.number ?? "Draft"}
              amount={m.total}
              currency={currency}
              status={m.status}
            />
          ))}
        </SubSection>
      )}
      {!!summary?.customer_refunds.length && (
        <SubSection title="Customer refunds" data-testid="order-refunds">
          {summary.customer_refunds.map((r) => (
            <DocumentLine
              key={r.id}
              label={`${r.number ?? "Draft"} · ${methodLabel(r.method)}`}
              amount={r.total}
              currency={currency}
              status={r.status}
            />
          ))}
        </SubSection>
      )}
      {customerId && (
        <>
          <CreditMemoFormModal
            target={{
              customerId,
              currency,
              orderId: order.id,
              orderLabel: orderLabel({ id: order.id, display_id: order.display_id ?? null }),
            }}
            open={memoOpen}
            onOpenChange={setMemoOpen}
            onDone={(m) =>
              notice.success(m.status === "issued" ? `Credit memo ${m.number} issued` : "Draft credit memo saved")
            }
          />
          <RefundFormModal
            customerId={customerId}
            currency={currency}
            payments={summary?.refundable_payments}
            open={refundOpen}
            onOpenChange={setRefundOpen}
            onDone={(result) => notice.success(refundResultText(result))}
          />
          <GoodwillRefundDrawer
            orderId={order.id}
            currency={currency}
            payments={summary?.refundable_payments}
            open={goodwillOpen}
            onOpenChange={setGoodwillOpen}
            onDone={(r) =>
              notice.success(
                `Goodwill refund ${r.customer_refund.number ?? ""} of ${formatMoney(r.customer_refund.total, currency)} ${
                  r.customer_refund.status === "posted" ? "posted" : "paid; booking pending"
                } (memo ${r.credit_memo.number})`
              )
            }
          />
          <ApplyMemoDrawer
            open={applyOpen}
            memoChoices={withCredit}
            orderId={order.id}
            onClose={() => setApplyOpen(false)}
            onApplied={(m) => notice.success(`${m.number} applied to this order`)}
          />
        </>
      )}
    </Section>
  )
}

const OrderAccountingWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => (
  <NoticeProvider>
    <OrderAccountingSection order={order} />
  </NoticeProvider>
)

export const config = defineWidgetConfig({
  zone: "order.details.side.after",
  id: "accounting-ar:order-accounting",
})

export default OrderAccountingWidget
