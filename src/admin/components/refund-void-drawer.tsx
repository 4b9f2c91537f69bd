import type { CustomerRefund } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatMoney } from "../lib/money"
import { isCardRefund } from "../lib/refunds"
import { useAccountingMutation } from "../hooks/accounting"
import { ActionDrawer } from "./action-drawer"

/**
 * Voids a posted refund. A card refund's money cannot be taken back from
 * here: it is voided in the books only, with the reason (the provider's
 * failure or return notice). Store credit is taken back from the customer's
 * balance (refused when they already spent it). Other methods reverse the
 * booking; the credits become available again.
 */
export const RefundVoidDrawer = ({
  refund,
  onClose,
  onVoided,
}: {
  refund: CustomerRefund | null
  onClose: () => void
  onVoided: (refund: CustomerRefund) => void
}) => {
  const card = !!refund && isCardRefund(refund)
  const storeCredit = refund?.method === "store_credit"
  const voidRefund = useAccountingMutation(
    (input: { date: string; record_only?: boolean; reason?: string }) => accounting.refunds.void(refund!.id, input),
    {
      codeFields: {
        PERIOD_CLOSED: "date",
        DATE_BEFORE_ORIGINAL: "date",
        MONEY_MOVED: "reason",
      },
    }
  )
  const amount = refund ? formatMoney(refund.total, refund.currency_code) : ""
  return (
    <ActionDrawer
      open={!!refund}
      onOpenChange={(open) => {
        if (!open) {
          voidRefund.reset()
          onClose()
        }
      }}
      title={`Void refund ${refund?.number ?? ""}`}
      description={
        card
          ? `${amount} went back to the customer's card and cannot be taken back from here. Void it only when the payment provider reports that the refund failed or came back: the books are corrected and the credits become available again.`
          : storeCredit
            ? `${amount} of store credit is taken back from the customer's balance and the credits it used become available again. If the customer already spent the store credit, the void is refused.`
            : `Posts the reversal on the date you choose (on or after the refund date, in an open period); the credits it used become available again.`
      }
      confirmLabel="Void refund"
      askDate
      recordOnly={card ? { label: "The provider reports the refund failed or came back: correct the books only." } : undefined}
      reason={
        card
          ? { label: "Reason", required: true, hint: "E.g. the provider's failure notice; kept in the audit trail." }
          : { label: "Reason", required: false }
      }
      isPending={voidRefund.isPending}
      failure={voidRefund.failure}
      onConfirm={(input) =>
        voidRefund.mutate(input, {
          onSuccess: (r) => {
            onClose()
            onVoided(r.customer_refund)
          },
        })
      }
    />
  )
}
