import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, DropdownMenu, Input, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { ApplyMemoDrawer } from "../../../components/apply-memo-drawer"
import { CreditMemoFormModal } from "../../../components/credit-memo-form-modal"
import { CustomerPicker } from "../../../components/customer-picker"
import { Money } from "../../../components/money"
import { ListFilterBar, PagedList, RowActions } from "../../../components/list-controls"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { VoidPrompt } from "../../../components/void-prompt"
import { useAccountingMutation, useCreditMemos, usePermissions } from "../../../hooks/accounting"
import { useListFilters } from "../../../hooks/list-filters"
import type { CreditMemo } from "../../../../sdk/accounting-client"
import { accounting, sdk } from "../../../lib/sdk"
import { errorMessage, saveBlob, todayIso } from "../../../lib/format"

const PAGE = 20

/** Credit memos: create, issue, apply to orders, unapply, void, PDF. */
const CreditMemosPage = () => {
  const { can } = usePermissions()
  const filters = useListFilters(PAGE)
  const [customerId, setCustomerId] = useState("")
  const [currency, setCurrency] = useState("usd")
  const [creating, setCreating] = useState(false)
  const [applying, setApplying] = useState<CreditMemo | null>(null)
  const [voiding, setVoiding] = useState<CreditMemo | null>(null)
  const list = useCreditMemos(filters.query)
  const issue = useAccountingMutation(
    (id: string) => accounting.creditMemos.issue(id),
    (r) => `Credit memo ${r.credit_memo.number} issued`
  )
  const unapply = useAccountingMutation(
    (v: { id: string; application: string }) =>
      accounting.creditMemos.unapply(v.id, v.application, todayIso()),
    "Application removed"
  )
  const voidMemo = useAccountingMutation(
    (v: { id: string; date: string }) => accounting.creditMemos.void(v.id, v.date),
    (r) => `Credit memo ${r.credit_memo.number} voided`
  )

  const pdf = async (memo: CreditMemo) => {
    try {
      const response = (await sdk.client.fetch<Response>(accounting.creditMemos.pdfUrl(memo.id), {
        headers: { accept: "application/pdf" },
      })) as unknown as Response
      saveBlob(await response.blob(), `credit-memo-${memo.number ?? memo.id}.pdf`)
    } catch (e) {
      toast.error(errorMessage(e))
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Credit memos"
        description="Credits that lower what a customer owes: apply them to open orders or refund them."
      />
      <Section
        title="New credit memo"
        actions={
          <Button
            size="small"
            disabled={!customerId || !can("credit_memos:add")}
            onClick={() => setCreating(true)}
          >
            Create credit memo
          </Button>
        }
      >
        <div className="grid grid-cols-[1fr_140px] gap-4 px-6 py-4">
          <CustomerPicker value={customerId} onChange={setCustomerId} />
          <div>
            <Text size="small" weight="plus">
              Currency
            </Text>
            <Input
              value={currency}
              onChange={(e) => setCurrency(e.target.value.toLowerCase())}
              maxLength={3}
            />
          </div>
        </div>
      </Section>
      <Section
        title="Credit memos"
        actions={
          <ListFilterBar
            filters={filters}
            placeholder="Number or reason"
            statuses={["draft", "issued", "voided"]}
          />
        }
      >
        <PagedList query={list} filters={filters} empty="No credit memos yet.">
          {(data) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Date</Table.HeaderCell>
                  <Table.HeaderCell>Reason</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Total</Table.HeaderCell>
                  <Table.HeaderCell className="text-right">Remaining</Table.HeaderCell>
                  <Table.HeaderCell>Applied to</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.credit_memos.map((m) => (
                  <Table.Row key={m.id}>
                    <Table.Cell>{m.number ?? "Draft"}</Table.Cell>
                    <Table.Cell>{m.memo_date}</Table.Cell>
                    <Table.Cell>
                      <Text size="small" className="max-w-[220px] truncate">
                        {m.reason}
                      </Text>
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <Money amount={m.total} currency={m.currency_code} />
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <Money amount={m.remaining_amount} currency={m.currency_code} />
                    </Table.Cell>
                    <Table.Cell>
                      {m.applications
                        .filter((a) => !a.unapplied_date)
                        .map((a) => (
                          <Text key={a.id} size="xsmall">
                            {a.kind === "refund" ? "Refund" : "Order"} {a.document_number}:{" "}
                            <Money amount={a.amount} currency={m.currency_code} className="inline" />
                          </Text>
                        ))}
                    </Table.Cell>
                    <Table.Cell>
                      <DocumentStatus status={m.status} />
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <RowActions>
                        <DropdownMenu.Item
                          disabled={m.status !== "draft" || !can("credit_memos:issue")}
                          onClick={() => issue.mutate(m.id)}
                        >
                          Issue
                        </DropdownMenu.Item>
                        <DropdownMenu.Item
                          disabled={
                            m.status !== "issued" || !m.remaining_amount || !can("credit_memos:apply")
                          }
                          onClick={() => setApplying(m)}
                        >
                          Apply to order…
                        </DropdownMenu.Item>
                        {m.applications
                          .filter((a) => !a.unapplied_date && a.kind === "manual")
                          .map((a) => (
                            <DropdownMenu.Item
                              key={a.id}
                              disabled={!can("credit_memos:apply")}
                              onClick={() => unapply.mutate({ id: m.id, application: a.id })}
                            >
                              Unapply from {a.document_number}
                            </DropdownMenu.Item>
                          ))}
                        <DropdownMenu.Item
                          disabled={m.status !== "issued" || !can("credit_memos:void")}
                          onClick={() => setVoiding(m)}
                        >
                          Void…
                        </DropdownMenu.Item>
                        <DropdownMenu.Item onClick={() => pdf(m)}>Download PDF</DropdownMenu.Item>
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
        <CreditMemoFormModal
          customerId={customerId}
          currency={currency}
          open={creating}
          onOpenChange={setCreating}
        />
      )}
      <ApplyMemoDrawer memo={applying} onClose={() => setApplying(null)} />
      <VoidPrompt
        open={!!voiding}
        onOpenChange={(open) => !open && setVoiding(null)}
        title={`Void credit memo ${voiding?.number ?? ""}`}
        description="Posts the mirror entry on the date you choose. A memo that is still applied or refunded cannot be voided: unapply it first."
        isPending={voidMemo.isPending}
        onConfirm={({ date }) =>
          voidMemo.mutate({ id: voiding!.id, date }, { onSuccess: () => setVoiding(null) })
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Credit memos", rank: 2 })

export default CreditMemosPage
