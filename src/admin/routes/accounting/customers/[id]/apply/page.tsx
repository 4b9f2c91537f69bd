import { Button, Input, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useParams } from "react-router-dom"
import type { AvailableCredit } from "../../../../../../sdk/accounting-client"
import { AccountingPage } from "../../../../../components/accounting-nav"
import { DateField, Field } from "../../../../../components/form-field"
import { Money } from "../../../../../components/money"
import { ActionError, useNotice } from "../../../../../components/notice"
import { Empty, LoadError, Loading, Section } from "../../../../../components/section"
import { useAccountingMutation, useCustomerOpenItems } from "../../../../../hooks/accounting"
import { creditSourceLabel, formatDate, todayIso } from "../../../../../lib/format"
import { accounting } from "../../../../../lib/sdk"

/**
 * One customer's open orders beside its open credits of every kind (memos,
 * overpayments, unapplied payments, negative invoices): pick a credit, an
 * order of the same currency and an amount, apply (ERPNext's Payment
 * Reconciliation, NetSuite's Apply tab).
 */
const ApplyCredits = ({ customerId }: { customerId: string }) => {
  const notice = useNotice()
  const items = useCustomerOpenItems(customerId)
  const [credit, setCredit] = useState<AvailableCredit | null>(null)
  const [orderId, setOrderId] = useState("")
  const [amount, setAmount] = useState("")
  const [date, setDate] = useState(todayIso())
  const apply = useAccountingMutation(
    () =>
      accounting.customerCredits.apply(customerId, {
        credit_document_id: credit!.ar_document_id!,
        order_id: orderId,
        amount: amount.trim(),
        date,
      }),
    { codeFields: { APPLICATION_EXCEEDS_OPEN: "amount", DATE_BEFORE_ORIGINAL: "date", PERIOD_CLOSED: "date" } }
  )
  if (items.isLoading) {
    return <Loading />
  }
  if (items.error) {
    return <LoadError error={items.error} what="The customer's open items" onRetry={() => items.refetch()} />
  }
  const credits = (items.data?.credits ?? []).filter((c) => c.ar_document_id)
  const orders = (items.data?.open_orders ?? []).filter((o) => !credit || o.currency_code === credit.currency_code)
  const fields = apply.failure?.fields ?? {}
  return (
    <div className="flex flex-col gap-y-3">
      <Section title="Credits" subtitle="Pick the credit to apply.">
        {!credits.length ? (
          <Empty>No open credit.</Empty>
        ) : (
          <Table data-testid="apply-credits-credits">
            <Table.Body>
              {credits.map((c) => (
                <Table.Row
                  key={c.ar_document_id!}
                  className={credit?.ar_document_id === c.ar_document_id ? "bg-ui-bg-highlight" : "cursor-pointer"}
                  onClick={() => {
                    setCredit(c)
                    setOrderId("")
                    setAmount(String(c.remaining_amount))
                  }}
                >
                  <Table.Cell>{creditSourceLabel(c.source_type)}</Table.Cell>
                  <Table.Cell>{c.document_number ?? "–"}</Table.Cell>
                  <Table.Cell>{formatDate(c.document_date)}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={c.remaining_amount} currency={c.currency_code} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Section>
      <Section title="Open orders" subtitle={credit ? "Orders in the credit's currency." : "Every open order."}>
        {!orders.length ? (
          <Empty>No open order{credit ? " in this currency" : ""}.</Empty>
        ) : (
          <Table data-testid="apply-credits-orders">
            <Table.Body>
              {orders.map((o) => (
                <Table.Row
                  key={o.order_id}
                  className={orderId === o.order_id ? "bg-ui-bg-highlight" : credit ? "cursor-pointer" : undefined}
                  onClick={() => credit && setOrderId(o.order_id)}
                >
                  <Table.Cell>{o.order_id}</Table.Cell>
                  <Table.Cell>{formatDate(o.date)}</Table.Cell>
                  <Table.Cell>due {formatDate(o.due_date)}</Table.Cell>
                  <Table.Cell className="text-right">
                    <Money amount={o.open_amount} currency={o.currency_code} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </Section>
      <Section title="Apply" subtitle="No money moves: the credit settles the order.">
        <div className="flex flex-wrap items-end gap-4 px-6 py-4">
          <Field label="Amount" error={fields.amount}>
            {(control) => (
              <Input {...control} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="apply-amount" />
            )}
          </Field>
          <DateField label="Date" value={date} onChange={setDate} error={fields.date} />
          <Button
            size="small"
            disabled={!credit || !orderId || !amount.trim()}
            isLoading={apply.isPending}
            data-testid="apply-credit"
            onClick={() =>
              apply.mutate(undefined, {
                onSuccess: () => {
                  notice.success(`Applied ${amount} of ${credit?.document_number ?? "the credit"}`)
                  setCredit(null)
                  setOrderId("")
                  setAmount("")
                },
              })
            }
          >
            Apply credit
          </Button>
        </div>
        <div className="px-6 pb-4">
          <ActionError message={apply.failure && !Object.keys(fields).length ? apply.failure.message : null} />
          <Text size="xsmall" className="text-ui-fg-subtle">
            Undo an application from the credit memo or payment it came from, or through the API.
          </Text>
        </div>
      </Section>
    </div>
  )
}

const ApplyCreditsPage = () => {
  const { id } = useParams()
  return (
    <AccountingPage title="Apply credits" description="A customer's open orders beside the credits that can settle them.">
      <ApplyCredits customerId={id!} />
    </AccountingPage>
  )
}

export default ApplyCreditsPage
