import { Select } from "@medusajs/ui"
import { useEffect, useState } from "react"
import type { CustomerDeposit } from "../../sdk/accounting-client"
import { useAccountingMutation } from "../hooks/accounting"
import { formatDate, orderLabel } from "../lib/format"
import { formatMoney } from "../lib/money"
import { accounting } from "../lib/sdk"
import { ActionDrawer } from "./action-drawer"
import { Field } from "./form-field"

/** Takes one standing application back: the order owes again, the deposit holds the amount again. */
export const DepositUnapplyDrawer = ({
  deposit,
  onClose,
  onUnapplied,
}: {
  deposit: CustomerDeposit | null
  onClose: () => void
  onUnapplied: (deposit: CustomerDeposit) => void
}) => {
  const standing = (deposit?.applications ?? []).filter((a) => !a.unapplied_date)
  const [applicationId, setApplicationId] = useState("")
  const unapply = useAccountingMutation(
    (date: string) => accounting.deposits.unapply(deposit!.id, applicationId, { date }),
    { codeFields: { DATE_BEFORE_ORIGINAL: "date", PERIOD_CLOSED: "date", DATE_IN_FUTURE: "date" } }
  )
  useEffect(() => {
    setApplicationId(standing.length === 1 ? standing[0].id : "")
    unapply.reset()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deposit?.id])
  return (
    <ActionDrawer
      open={!!deposit}
      onOpenChange={(open) => !open && onClose()}
      title={`Unapply deposit ${deposit?.number ?? ""}`}
      description="The order owes the amount again from the date you choose; the deposit holds it again."
      confirmLabel="Unapply"
      askDate
      isPending={unapply.isPending}
      failure={unapply.failure}
      onConfirm={({ date }) =>
        applicationId &&
        unapply.mutate(date, {
          onSuccess: (r) => {
            onClose()
            onUnapplied(r.deposit)
          },
        })
      }
    >
      <Field label="Application">
        {(control) => (
          <Select value={applicationId} onValueChange={setApplicationId}>
            <Select.Trigger {...control} data-testid="unapply-application">
              <Select.Value placeholder="Choose an application" />
            </Select.Trigger>
            <Select.Content>
              {standing.map((a) => (
                <Select.Item key={a.id} value={a.id}>
                  {`${orderLabel(a.order ?? { id: a.order_id, display_id: null })} · ${formatDate(a.application_date)} · ${formatMoney(a.amount, deposit!.currency_code)}`}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      </Field>
    </ActionDrawer>
  )
}
