import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, createDataTableColumnHelper } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import type { BankDeposit } from "../../../../sdk/accounting-client"
import { AccountingPage } from "../../../components/accounting-nav"
import { BankDepositDrawer } from "../../../components/bank-deposit-drawer"
import { ListSection } from "../../../components/list-section"
import { Money } from "../../../components/money"
import { useNotice } from "../../../components/notice"
import { RowActions } from "../../../components/row-actions"
import { useBankDeposits, usePermissions } from "../../../hooks/accounting"
import { useListState } from "../../../hooks/list-filters"
import { useListTable } from "../../../hooks/list-table"
import { errorMessage } from "../../../lib/errors"
import { formatDate, saveBlob } from "../../../lib/format"
import { formatMoney } from "../../../lib/money"
import { accounting } from "../../../lib/sdk"

const PAGE = 20
const column = createDataTableColumnHelper<BankDeposit>()

/** Deposit slips: the list, a new deposit from Undeposited Funds, each slip's PDF. */
const BankDepositsList = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const navigate = useNavigate()
  const state = useListState({ pageSize: PAGE })
  const list = useBankDeposits({ ...state.page })
  const [creating, setCreating] = useState(false)

  const downloadSlip = async (deposit: BankDeposit) => {
    try {
      const { blob, filename } = await accounting.bankDeposits.pdf(deposit)
      saveBlob(blob, filename)
    } catch (e) {
      notice.error(`The deposit slip of ${deposit.number} could not be made: ${errorMessage(e)}`)
    }
  }

  const columns = [
    column.accessor("number", { header: "Number" }),
    column.accessor("deposit_date", { header: "Date", cell: ({ getValue }) => formatDate(getValue()) }),
    column.accessor("bank_account", {
      header: "Bank account",
      cell: ({ getValue }) => {
        const account = getValue()
        return account ? `${account.code} ${account.name}` : "–"
      },
    }),
    column.accessor("reference", { header: "Reference", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("currency_code", {
      header: "Currency",
      cell: ({ getValue }) => getValue().toUpperCase(),
    }),
    column.accessor("receipt_count", { header: "Receipts", cell: ({ getValue }) => getValue() ?? "–" }),
    column.accessor("total", {
      header: "Total",
      align: "right",
      cell: ({ row }) => <Money amount={row.original.total} currency={row.original.currency_code} />,
    }),
    column.display({
      id: "actions",
      cell: ({ row }) => (
        <RowActions
          label={`Actions for ${row.original.number}`}
          actions={[
            { label: "Deposit slip (PDF)", onClick: () => downloadSlip(row.original) },
            {
              label: "Open journal entry",
              onClick: () => navigate(`/accounting/journal?entry=${row.original.journal_entry_id}`),
            },
          ]}
        />
      ),
    }),
  ]
  const table = useListTable({
    data: list.data?.bank_deposits ?? [],
    columns,
    rowCount: list.data?.count ?? 0,
    isLoading: list.isLoading,
    state,
  })

  return (
    <>
      <ListSection
        title="Bank deposits"
        subtitle="Checks, cash and card receipts moved from Undeposited Funds to the bank, one slip each."
        table={table}
        query={list}
        what="Bank deposits"
        searchPlaceholder="Number, reference"
        emptyText="No deposits yet"
        actions={
          <Button
            size="small"
            disabled={!can("bank_deposits:create")}
            onClick={() => setCreating(true)}
            data-testid="new-deposit"
          >
            New deposit
          </Button>
        }
        data-testid="deposits-list"
      />
      <BankDepositDrawer
        open={creating}
        onOpenChange={setCreating}
        onDone={(d) =>
          notice.success(`Deposit ${d.number} posted: ${formatMoney(d.total, d.currency_code)} to the bank`)
        }
      />
    </>
  )
}

const BankDepositsPage = () => (
  <AccountingPage
    title="Bank deposits"
    description="Receipts waiting in Undeposited Funds, taken to the bank on numbered deposit slips."
  >
    <BankDepositsList />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Bank deposits", rank: 3 })

export default BankDepositsPage
