import { Button } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { useAccountingMutation, usePermissions, useSettings } from "../hooks/accounting"
import { accounting } from "../lib/sdk"
import { formatThresholds, parseThresholds } from "../lib/thresholds"
import { TextField } from "./form-field"
import { useNotice } from "./notice"
import { Section } from "./section"

const TYPES = [
  { type: "customer_refund", label: "Refunds", approver: "customer_refunds:approve" },
  { type: "credit_memo", label: "Credit memos", approver: "credit_memos:approve" },
  { type: "write_off", label: "Write-offs", approver: "writeoffs:approve" },
] as const
type Type = (typeof TYPES)[number]["type"]

/**
 * Maker-checker thresholds per document type and currency: above them a
 * draft waits for a second user's approval. Empty: never needed.
 */
export const ApprovalThresholds = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const settings = useSettings()
  const current = settings.data?.settings.approvals
  const [text, setText] = useState<Record<Type, string>>({ customer_refund: "", credit_memo: "", write_off: "" })
  const [attempted, setAttempted] = useState(false)
  useEffect(() => {
    if (current) {
      setText({
        customer_refund: formatThresholds(current.customer_refund),
        credit_memo: formatThresholds(current.credit_memo),
        write_off: formatThresholds(current.write_off),
      })
    }
  }, [current])
  const parsed = Object.fromEntries(TYPES.map(({ type }) => [type, parseThresholds(text[type])])) as Record<
    Type,
    ReturnType<typeof parseThresholds>
  >
  const save = useAccountingMutation(() =>
    accounting.settings.update({
      approvals: Object.fromEntries(
        TYPES.map(({ type }) => [type, Object.keys(parsed[type].value!).length ? parsed[type].value : null])
      ),
    })
  )
  if (!current) {
    return null
  }
  return (
    <Section
      title="Approval thresholds"
      subtitle="Above the amount, a second user holding the approve permission must approve before it posts. Empty: no approval."
      data-testid="settings-approvals"
      actions={
        <Button
          size="small"
          disabled={!can("settings:manage")}
          isLoading={save.isPending}
          data-testid="approvals-save"
          onClick={() => {
            setAttempted(true)
            if (TYPES.some(({ type }) => parsed[type].error)) {
              return
            }
            save.mutate(undefined, { onSuccess: () => notice.success("Approval thresholds saved") })
          }}
        >
          Save thresholds
        </Button>
      }
    >
      <div className="grid grid-cols-3 gap-4 px-6 py-4">
        {TYPES.map(({ type, label, approver }) => (
          <TextField
            key={type}
            label={label}
            hint={`Currency and amount, e.g. USD 500, EUR 250; approver holds ${approver}`}
            value={text[type]}
            onChange={(v) => setText((t) => ({ ...t, [type]: v }))}
            error={(attempted && parsed[type].error) || save.failure?.fields?.[`approvals.${type}`]}
            data-testid={`approvals-${type}`}
          />
        ))}
      </div>
    </Section>
  )
}
