import { Button, Input, Label, Switch, Table, Text } from "@medusajs/ui"
import { useEffect, useId, useState } from "react"
import type { ReasonCodeConfig, ReasonCodeDocumentType } from "../../types/http"
import { useAccountingMutation, usePermissions, useReasonCodes } from "../hooks/accounting"
import { accounting } from "../lib/sdk"
import { FieldError } from "./form-field"
import { ActionError, useNotice } from "./notice"
import { Section } from "./section"

const TYPES: { type: ReasonCodeDocumentType; title: string }[] = [
  { type: "credit_memo", title: "Credit memos" },
  { type: "customer_refund", title: "Customer refunds" },
  { type: "write_off", title: "Write-offs" },
]

// As the API checks it (rules/reason-codes.ts), so a bad code is named on its field.
const CODE = /^[a-z][a-z0-9_-]{1,39}$/

/**
 * Settings → Reason codes: per document type, whether a reason is required
 * and its list. Codes are added and deactivated, never removed (documents
 * keep their code). Saved on its own, with only `reason_codes` sent.
 */
export const ReasonCodesSettings = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const query = useReasonCodes()
  const [lists, setLists] = useState<Record<ReasonCodeDocumentType, ReasonCodeConfig> | null>(null)
  useEffect(() => {
    if (query.data) {
      setLists(query.data.reason_codes)
    }
  }, [query.data])
  const save = useAccountingMutation(() => accounting.settings.update({ reason_codes: lists }))
  if (!lists) {
    return null
  }
  const update = (type: ReasonCodeDocumentType, change: Partial<ReasonCodeConfig>) => {
    save.reset()
    setLists((l) => (l ? { ...l, [type]: { ...l[type], ...change } } : l))
  }
  return (
    <Section
      title="Reason codes"
      subtitle="The reasons a credit memo, refund or write-off can give; shown in lists, PDFs and the refund audit trail. Deactivate a code to stop offering it."
      data-testid="settings-reason-codes"
      actions={
        <Button
          size="small"
          disabled={!can("settings:manage")}
          isLoading={save.isPending}
          onClick={() => save.mutate(undefined, { onSuccess: () => notice.success("Reason codes saved") })}
          data-testid="reason-codes-save"
        >
          Save reason codes
        </Button>
      }
    >
      {save.failure && (
        <div className="px-6 py-3">
          <ActionError message={save.failure.message} />
        </div>
      )}
      {TYPES.map(({ type, title }) => (
        <ReasonCodeList key={type} type={type} title={title} config={lists[type]} onChange={(c) => update(type, c)} />
      ))}
    </Section>
  )
}

const ReasonCodeList = ({
  type,
  title,
  config,
  onChange,
}: {
  type: ReasonCodeDocumentType
  title: string
  config: ReasonCodeConfig
  onChange: (change: Partial<ReasonCodeConfig>) => void
}) => {
  const requiredId = useId()
  const [code, setCode] = useState("")
  const [label, setLabel] = useState("")
  const [error, setError] = useState<string | null>(null)
  const add = () => {
    const c = code.trim()
    if (!CODE.test(c)) {
      return setError("A code is 2-40 lowercase letters, digits, _ or - (e.g. wrong_size)")
    }
    if (config.codes.some((x) => x.code === c)) {
      return setError(`${c} is already in the list`)
    }
    if (!label.trim()) {
      return setError("Give the code a label")
    }
    onChange({ codes: [...config.codes, { code: c, label: label.trim(), active: true }] })
    setCode("")
    setLabel("")
    setError(null)
  }
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid={`reason-codes-${type}`}>
      <div className="flex items-center justify-between">
        <Text weight="plus">{title}</Text>
        <div className="flex items-center gap-x-2">
          <Label htmlFor={requiredId} size="small">
            Reason required
          </Label>
          <Switch
            id={requiredId}
            checked={config.required}
            onCheckedChange={(required) => onChange({ required })}
            data-testid={`reason-required-${type}`}
          />
        </div>
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Code</Table.HeaderCell>
            <Table.HeaderCell>Label</Table.HeaderCell>
            <Table.HeaderCell>Active</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {config.codes.map((c) => (
            <Table.Row key={c.code}>
              <Table.Cell>{c.code}</Table.Cell>
              <Table.Cell>{c.label}</Table.Cell>
              <Table.Cell>
                <Switch
                  aria-label={`${c.code} active`}
                  checked={c.active}
                  onCheckedChange={(active) =>
                    onChange({ codes: config.codes.map((x) => (x.code === c.code ? { ...x, active } : x)) })
                  }
                  data-testid={`reason-active-${type}-${c.code}`}
                />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <div className="grid grid-cols-[1fr_2fr_auto] items-start gap-2">
        <Input
          size="small"
          aria-label={`New ${title.toLowerCase()} reason code`}
          placeholder="wrong_size"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          data-testid={`new-reason-code-${type}`}
        />
        <Input
          size="small"
          aria-label={`New ${title.toLowerCase()} reason label`}
          placeholder="Wrong size"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          data-testid={`new-reason-label-${type}`}
        />
        <Button size="small" variant="secondary" onClick={add} data-testid={`add-reason-${type}`}>
          Add code
        </Button>
      </div>
      {error && <FieldError>{error}</FieldError>}
    </div>
  )
}
