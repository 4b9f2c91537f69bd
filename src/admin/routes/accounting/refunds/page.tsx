import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, DropdownMenu, IconButton, Input, Select, Table, Text } from "@medusajs/ui"
import { EllipsisHorizontal } from "@medusajs/icons"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { CustomerPicker } from "../../../components/customer-picker"
import { Money } from "../../../components/money"
import { RefundFormModal } from "../../../components/refund-form-modal"
import { Empty, Loading, Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { VoidPrompt } from "../../../components/void-prompt"
import {
  useAccountingMutation,
  useCustomerAccounting,
  usePermissions,
  useRefunds,
} from "../../../hooks/accounting"
import type { CustomerRefund } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { newIdempotencyKey } from "../../../lib/format"

const PAGE = 20

/** Customer refunds: list with filters, create, post, void, delete drafts. */
const RefundsPage = () => {
  const { can } = usePermissions()
  const [status, setStatus] = useState("all")
  const [q, setQ] = useState("")
  const [page, setPage] = useState(0)
  const [customerId, setCustomerId] = useState("")
  const [creating, setCreating] = useState(false)
  const [voiding, setVoiding] = useState<CustomerRefund | null>(null)
  const list = useRefunds({
    status: status === "all" ? undefined : status,
    q: q || undefined,
    offset: page * PAGE,
    limit: PAGE,
  })
  const customer = useCustomerAccounting(customerId || "none")
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
          <div className="flex gap-x-2">
            <Input
              size="small"
              placeholder="Number, reference, memo"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <Select
              size="small"
              value={status}
              onValueChange={(v) => {
                setStatus(v)
                setPage(0)
              }}
            >
              <Select.Trigger>
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {["all", "draft", "posted", "voided"].map((s) => (
                  <Select.Item key={s} value={s}>
                    {s === "all" ? "All statuses" : s}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
        }
      >
        {list.isLoading && <Loading />}
        {list.data && !list.data.count && <Empty>No refunds yet.</Empty>}
        {!!list.data?.count && (
          <>
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
                {list.data.customer_refunds.map((r) => (
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
                      <DropdownMenu>
                        <DropdownMenu.Trigger asChild>
                          <IconButton size="small" variant="transparent" data-testid="refund-actions">
                            <EllipsisHorizontal />
                          </IconButton>
                        </DropdownMenu.Trigger>
                        <DropdownMenu.Content>
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
                        </DropdownMenu.Content>
                      </DropdownMenu>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
            <Table.Pagination
              count={list.data.count}
              pageSize={PAGE}
              pageIndex={page}
              pageCount={Math.ceil(list.data.count / PAGE)}
              canPreviousPage={page > 0}
              canNextPage={(page + 1) * PAGE < list.data.count}
              previousPage={() => setPage((p) => p - 1)}
              nextPage={() => setPage((p) => p + 1)}
            />
          </>
        )}
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
