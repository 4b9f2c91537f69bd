import type { CustomerDeposit } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { formatMoney } from "../lib/money"
import { accounting } from "../lib/sdk"
import { ActionDrawer } from "./action-drawer"

/** Voids a deposit entered in error (nothing applied or refunded): its entry is mirrored on the date chosen. */
export const DepositVoidDrawer = ({
  deposit,
  onClose,
  onVoided,
}: {
  deposit: CustomerDeposit | null
  onClose: () => void
  onVoided: (deposit: CustomerDeposit) => void
}) => {
  const voiding = useAccountingMutation(
    (input: { date: string; reason?: string }) => accounting.deposits.void(deposit!.id, input),
    { codeFields: { DATE_BEFORE_ORIGINAL: "date", PERIOD_CLOSED: "date", DATE_IN_FUTURE: "date" } }
  )
  return (
    <ActionDrawer
      open={!!deposit}
      onOpenChange={(open) => {
        if (!open) {
          voiding.reset()
          onClose()
        }
      }}
      title={`Void deposit ${deposit?.number ?? ""}`}
      description={`${deposit ? formatMoney(deposit.amount, deposit.currency_code) : ""} comes off the books on the date you choose (on or after the deposit). Only a deposit nothing was applied from or refunded can be voided.`}
      confirmLabel="Void deposit"
      askDate
      reason={{ label: "Reason", required: false, hint: "Kept in the audit trail." }}
      isPending={voiding.isPending}
      failure={voiding.failure}
      onConfirm={(input) =>
        voiding.mutate(
          { date: input.date, ...(input.reason && { reason: input.reason }) },
          {
            onSuccess: (r) => {
              onClose()
              onVoided(r.deposit)
            },
          }
        )
      }
    />
  )
}
