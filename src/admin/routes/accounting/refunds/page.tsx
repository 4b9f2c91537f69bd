import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, DropdownMenu, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { CustomerPicker } from "../../../components/customer-picker"
import { Money } from "../../../components/money"
import { RefundFormModal } from "../../../components/refund-form-modal"
import { ListFilterBar, PagedList, RowActions } from "../../../components/list-controls"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { VoidPrompt } from "../../../components/void-prompt"
import {
  useAccountingMutation,
  useCustomerAccounting,
  usePermissions,
  useRefunds,
} from "../../../hooks/accounting"
import { useListFilters } from "../../../hooks/list-filters"
import type { CustomerRefund } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { newIdempotencyKey } from "../../../lib/format"

const PAGE = 20

/** Customer refunds: list with filters, create, post, void, delete drafts. */
const RefundsPage = () => {
  const { can } = usePermissions()
  const filters = useListFilters(PAGE)
  const [customerId, setCustomerId] = useState("")
  const [creating, setCreating] = useState(false)
  const [voiding, setVoiding] = useState<CustomerRefund | null>(null)
  const list = useRefunds(filters.query)
  // For the card payments the refund form offers.
  const customer = useCustomerAccounting(customerId || undefined)
  const post = useAccountingMutation(
    (id: string) => accounting.refunds.post(id, newIdempotencyKey()),
    (r) => `Refund ${r.customer_refund.number} posted`
  )
  const remove = useAccountingMutation((id: string) => accounting.refunds.delete(id), "Draft deleted")
  const voidRefund = useAccountingMutation(
    (input: { id: string; date: string; record_only?: boolean }) => accounting.refunds.void(input.id, input),
    (r) => `Refund ${r.customer_refund.number} voided`
  )

  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Customer refunds"
        description="Money (or store credit) paid back to customers from the credits they hold."
      />
      <Section
        title="New refund"
        subtitle="Pick a customer to refund from their available credits."
        actions={
          <Button
            size="small"
            disabled={!customerId || !can("customer_refunds:add")}
            onClick={() => setCreating(true)}
            data-testid="new-refund"
          >
            Refund credits
          </Button>
        }
      >
        <div className="px-6 py-4">
          <CustomerPicker value={customerId} onChange={setCustomerId} />
        </div>
      </Section>
      <Section
        title="Refunds"
        actions={
          <ListFilterBar
            filters={filters}
            placeholder="Number, reference, memo"
            statuses={["draft", "posted", "voided"]}
          />
        }
      >
        <PagedList query={list} filters={filters} empty="No refunds yet.">
          {(data) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Date</Table.HeaderCell>
                  <Table.HeaderCell>Customer</Table.HeaderCell>
                  <Table.HeaderCell>Method</Table.HeaderCell>
                  <Table.HeaderCell>Reference</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.customer_refunds.map((r) => (
                  <Table.Row key={r.id} data-testid="refund-row">
                    <Table.Cell>{r.number ?? "Draft"}</Table.Cell>
                    <Table.Cell>{r.refund_date}</Table.Cell>
                    <Table.Cell>
                      <Text size="small" className="truncate">
                        {r.customer_id}
                      </Text>
                    </Table.Cell>
                    <Table.Cell>{r.method}</Table.Cell>
                    <Table.Cell>{r.reference ?? "–"}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Money amount={r.total} currency={r.currency_code} />
                    </Table.Cell>
                    <Table.Cell>
                      <DocumentStatus status={r.status} />
                      {r.void_record_only && (
                        <Text size="xsmall" className="text-ui-fg-muted">
                          record only
                        </Text>
                      )}
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <RowActions data-testid="refund-actions">
                        <DropdownMenu.Item
                          disabled={r.status !== "draft" || !can("customer_refunds:post")}
                          onClick={() => post.mutate(r.id)}
                        >
                          Post
                        </DropdownMenu.Item>
                        <DropdownMenu.Item
                          disabled={r.status !== "posted" || !can("customer_refunds:void")}
                          onClick={() => setVoiding(r)}
                        >
                          Void…
                        </DropdownMenu.Item>
                        <DropdownMenu.Item
                          disabled={r.status !== "draft" || !can("customer_refunds:add")}
                          onClick={() => remove.mutate(r.id)}
                        >
                          Delete draft
                        </DropdownMenu.Item>
                      </RowActions>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </PagedList>
      </Section>
      {customerId && (
        <RefundFormModal
          customerId={customerId}
          payments={customer.data?.customer_accounting.refundable_payments}
          open={creating}
          onOpenChange={setCreating}
        />
      )}
      <VoidPrompt
        open={!!voiding}
        onOpenChange={(open) => !open && setVoiding(null)}
        title={`Void refund ${voiding?.number ?? ""}`}
        description="Posts the reversal on the date you choose (on or after the refund date, in an open period); the credits it used become available again."
        recordOnly={voiding?.method === "card" || voiding?.method === "store_credit"}
        isPending={voidRefund.isPending}
        onConfirm={(input) =>
          voidRefund.mutate({ id: voiding!.id, ...input }, { onSuccess: () => setVoiding(null) })
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Refunds", rank: 1 })

export default RefundsPage
