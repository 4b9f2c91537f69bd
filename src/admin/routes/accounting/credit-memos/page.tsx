import { defineRouteConfig } from "@medusajs/admin-sdk"
import {
  Button,
  Text,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  useDataTable,
  usePrompt,
} from "@medusajs/ui"
import { useState } from "react"
import { Link } from "react-router-dom"
import { AccountingPage } from "../../../components/accounting-nav"
import { ActionDrawer } from "../../../components/action-drawer"
import { ApplyMemoDrawer } from "../../../components/apply-memo-drawer"
import { CreditMemoFormModal, type MemoFormTarget } from "../../../components/credit-memo-form-modal"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { ApprovalBadge, DocumentStatus } from "../../../components/status"
import { useAccountingMutation, useCreditMemos, usePermissions } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import type { CreditMemo } from "../../../../sdk/accounting-client"
import { accounting } from "../../../lib/sdk"
import { errorMessage } from "../../../lib/errors"
import { formatDate, orderLabel, saveBlob, todayIso } from "../../../lib/format"
import { formatMoney, toDecimal } from "../../../lib/money"

const PAGE = 20
const column = createDataTableColumnHelper<CreditMemo>()
const filter = createDataTableFilterHelper<CreditMemo>()
const FILTERS = [
  filter.accessor("status", {
    type: "radio",
    label: "Status",
    options: [
      { value: "draft", label: "Draft" },
      { value: "issued", label: "Issued" },
      { value: "voided", label: "Voided" },
    ],
  }),
]

type Application = CreditMemo["applications"][number]
const standing = (m: CreditMemo) => m.applications.filter((a) => !a.unapplied_date)

/** "Order #11" or "Refund RF-00003": what part of a memo went where. */
const appliedTo = (a: Application) => `${a.kind === "refund" ? "Refund" : "Order"} ${a.document_number ?? ""}`.trim()

/** Credit memos: create, edit and delete drafts, issue, apply to open orders, unapply, void, PDF. */
const CreditMemosList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const prompt = usePrompt()
  const state = useListState({ pageSize: PAGE, filterIds: ["status"] })
  const list = useCreditMemos({ ...state.page, status: state.filtering.status as string | undefined })
  const [form, setForm] = useState<MemoFormTarget | null>(null)
  const [applying, setApplying] = useState<CreditMemo | null>(null)
  const [voiding, setVoiding] = useState<CreditMemo | null>(null)
  const [numbering, setNumbering] = useState<CreditMemo | null>(null)

  const issue = useAccountingMutation((id: string) => accounting.creditMemos.issue(id))
  const remove = useAccountingMutation((id: string) => accounting.creditMemos.delete(id))
  const unapply = useAccountingMutation((v: { id: string; application: string }) =>
    accounting.creditMemos.unapply(v.id, v.application, todayIso())
  )
  const recordLegalNumber = useAccountingMutation(
    (v: { id: string; legal_number: string }) => accounting.creditMemos.recordLegalNumber(v.id, v.legal_number),
    { codeFields: { LEGAL_NUMBER_SET: "reason" } }
  )
  const voidMemo = useAccountingMutation(
    (v: { id: string; date: string }) => accounting.creditMemos.void(v.id, v.date),
    { codeFields: { PERIOD_CLOSED: "date", DATE_BEFORE_ORIGINAL: "date" } }
  )

  const confirmIssue = async (m: CreditMemo) => {
    const ok = await prompt({
      title: "Issue this credit memo?",
      description: `It is posted to the journal on ${formatDate(m.memo_date)} and gets its number; ${m.customer?.name ?? "the customer"} is credited ${formatMoney(m.total, m.currency_code)}. An issued memo can no longer be edited, only voided.`,
      confirmText: "Issue",
      variant: "confirmation",
    })
    if (ok) {
      issue.mutate(m.id, {
        onSuccess: (r) => notice.success(`Credit memo ${r.credit_memo.number} issued`),
        onError: (e) => notice.error(`The draft was not issued: ${errorMessage(e)}`),
      })
    }
  }
  const confirmDelete = async () => {
    const ok = await prompt({
      title: "Delete this draft?",
      description: "The draft credit memo is discarded. Nothing was posted.",
      confirmText: "Delete draft",
    })
    return ok
  }
  const confirmUnapply = async (m: CreditMemo, a: Application) => {
    const ok = await prompt({
      title: `Unapply ${m.number} from ${a.document_number}?`,
      description: `${formatMoney(a.amount, m.currency_code)} goes back to the memo, and the order owes it again (as of today).`,
      confirmText: "Unapply",
    })
    if (ok) {
      unapply.mutate(
        { id: m.id, application: a.id },
        {
          onSuccess: (r) =>
            notice.success(
              `Unapplied from ${a.document_number}; ${formatMoney(r.credit_memo.remaining_amount, m.currency_code)} remains on ${m.number}`
            ),
          onError: (e) => notice.error(`Not unapplied: ${errorMessage(e)}`),
        }
      )
    }
  }
  const pdf = async (m: CreditMemo) => {
    try {
      const { blob, filename } = await accounting.creditMemos.pdf(m)
      saveBlob(blob, filename)
    } catch (e) {
      notice.error(`The PDF could not be made: ${errorMessage(e)}`)
    }
  }

  const columns = [
    column.accessor("number", { header: "Number", cell: ({ getValue }) => getValue() ?? "Draft" }),
    column.accessor("memo_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("customer", {
      header: "Customer",
      cell: ({ row }) =>
        row.original.customer ? (
          <Link to={`/customers/${row.original.customer_id}`} className="text-ui-fg-interactive">
            {row.original.customer.name}
          </Link>
        ) : (
          "–"
        ),
    }),
    column.accessor("order", {
      header: "Order",
      cell: ({ row }) =>
        row.original.order ? (
          <Link to={`/orders/${row.original.order.id}`} className="text-ui-fg-interactive">
            {orderLabel(row.original.order)}
          </Link>
        ) : (
          "–"
        ),
    }),
    column.accessor("reason_label", { header: "Reason code", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("reason", { header: "Reason" }),
    column.accessor("total", {
      header: "Total",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.total} currency={row.original.currency_code} />,
    }),
    column.accessor("remaining_amount", {
      header: "Remaining",
      align: "right",
      cell: ({ row }) =>
        row.original.remaining_amount === null ? (
          "–"
        ) : (
          <Money amount={row.original.remaining_amount} currency={row.original.currency_code} />
        ),
    }),
    column.display({
      id: "applied",
      header: "Applied to",
      cell: ({ row }) => (
        <div className="flex flex-col">
          {standing(row.original).map((a) => (
            <Text key={a.id} size="xsmall">
              {appliedTo(a)}: {formatMoney(a.amount, row.original.currency_code)}
            </Text>
          ))}
        </div>
      ),
    }),
    column.accessor("status", {
      header: "Status",
      cell: ({ row }) => (
        <div className="flex items-center gap-x-1">
          <DocumentStatus status={row.original.status} />
          <ApprovalBadge doc={row.original} />
        </div>
      ),
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => {
        const m = row.original
        const draft = m.status === "draft"
        const issued = m.status === "issued"
        return (
          <RowActions
            label={`Actions for ${m.number ?? `draft memo ${m.reason}`}`}
            actions={[
              draft && can("credit_memos:add") && { label: "Edit draft…", onClick: () => setForm({ memo: m }) },
              draft && can("credit_memos:issue") && { label: "Issue…", onClick: () => confirmIssue(m) },
              draft &&
                can("credit_memos:add") && {
                  label: "Delete draft…",
                  danger: true,
                  onClick: async () => {
                    if (await confirmDelete()) {
                      remove.mutate(m.id, {
                        onSuccess: () => notice.success("Draft credit memo deleted"),
                        onError: (e) => notice.error(`The draft was not deleted: ${errorMessage(e)}`),
                      })
                    }
                  },
                },
              issued &&
                toDecimal(m.remaining_amount).gt(0) &&
                can("credit_memos:apply") && { label: "Apply to an order…", onClick: () => setApplying(m) },
              ...standing(m)
                .filter((a) => a.kind === "manual")
                .map(
                  (a) =>
                    can("credit_memos:apply") && {
                      label: `Unapply from ${a.document_number}…`,
                      onClick: () => confirmUnapply(m, a),
                    }
                ),
              // The invoicing plugin's credit note comes after the memo is issued.
              !draft &&
                m.internal &&
                !m.legal_number &&
                can("credit_memos:issue") && { label: "Record legal number…", onClick: () => setNumbering(m) },
              issued &&
                !m.return_id &&
                can("credit_memos:void") && { label: "Void…", danger: true, onClick: () => setVoiding(m) },
              !draft && { label: "Download PDF", onClick: () => pdf(m) },
            ]}
          />
        )
      },
    }),
  ]

  const table = useDataTable({
    data: list.data?.credit_memos ?? [],
    columns,
    getRowId: (m) => m.id,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    filters: FILTERS,
    filtering: state.filteringProps,
    search: state.search,
    pagination: state.pagination,
  })

  return (
    <>
      <ListSection
        title="Credit memos"
        table={table}
        query={list}
        what="Credit memos"
        searchPlaceholder="Number or reason"
        emptyText="No credit memos yet"
        data-testid="memos-list"
        actions={
          <Button
            size="small"
            variant="secondary"
            disabled={!can("credit_memos:add")}
            onClick={() => setForm({})}
            data-testid="new-memo"
          >
            Create credit memo
          </Button>
        }
      />
      <CreditMemoFormModal
        target={form ?? {}}
        open={!!form}
        onOpenChange={(open) => !open && setForm(null)}
        onDone={(m) =>
          notice.success(m.status === "issued" ? `Credit memo ${m.number} issued` : "Draft credit memo saved")
        }
      />
      <ApplyMemoDrawer
        open={!!applying}
        memo={applying}
        onClose={() => setApplying(null)}
        onApplied={(m) =>
          notice.success(`Applied; ${formatMoney(m.remaining_amount, m.currency_code)} remains on ${m.number}`)
        }
      />
      <ActionDrawer
        open={!!numbering}
        onOpenChange={(open) => {
          if (!open) {
            recordLegalNumber.reset()
            setNumbering(null)
          }
        }}
        title={`Legal credit note for ${numbering?.number ?? ""}`}
        description="The number of the credit note your invoicing plugin issued for this internal memo. It is recorded once and shown in reports and searches."
        confirmLabel="Record number"
        reason={{ label: "Legal credit note number", required: true, missing: "Enter the credit note's number" }}
        isPending={recordLegalNumber.isPending}
        failure={recordLegalNumber.failure}
        onConfirm={({ reason }) =>
          recordLegalNumber.mutate(
            { id: numbering!.id, legal_number: reason! },
            {
              onSuccess: (r) => {
                setNumbering(null)
                notice.success(`Legal number ${r.credit_memo.legal_number} recorded on ${r.credit_memo.number}`)
              },
            }
          )
        }
      />
      <ActionDrawer
        open={!!voiding}
        onOpenChange={(open) => {
          if (!open) {
            voidMemo.reset()
            setVoiding(null)
          }
        }}
        title={`Void credit memo ${voiding?.number ?? ""}`}
        description="Posts the mirror entry on the date you choose. A memo that is still applied or refunded cannot be voided: unapply it first."
        confirmLabel="Void memo"
        askDate
        isPending={voidMemo.isPending}
        failure={voidMemo.failure}
        onConfirm={({ date }) =>
          voidMemo.mutate(
            { id: voiding!.id, date },
            {
              onSuccess: (r) => {
                setVoiding(null)
                notice.success(`Credit memo ${r.credit_memo.number} voided`)
              },
            }
          )
        }
      />
    </>
  )
}

const CreditMemosPage = () => (
  <AccountingPage
    title="Credit memos"
    description="Credits that lower what a customer owes: apply them to open orders or refund them."
  >
    <CreditMemosList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Credit memos", rank: 2 })

export default CreditMemosPage
