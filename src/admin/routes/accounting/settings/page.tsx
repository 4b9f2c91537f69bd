import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Input, Label, Select, Switch, Table, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useEffect, useId, useMemo, useState } from "react"
import { AccountingPage } from "../../../components/accounting-nav"
import { ApprovalThresholds } from "../../../components/approval-thresholds"
import { Field, TextField } from "../../../components/form-field"
import { ActionError, useNotice } from "../../../components/notice"
import { LoadError, Loading, Section } from "../../../components/section"
import { ReasonCodesSettings } from "../../../components/reason-codes-settings"
import { useAccountingMutation, useAccounts, usePermissions, useSettings } from "../../../hooks/accounting"
import { accounting, sdk } from "../../../lib/sdk"
import { parseBuckets } from "../../../lib/buckets"
import { humanize, methodLabel } from "../../../lib/format"
import { ACCOUNT_ROLES } from "../../../../modules/accounting/rules/roles"

const METHODS = ["check", "eft", "cash", "card", "store_credit", "record_transfer"]

const POSTING_LABELS: Record<string, string> = {
  orders: "Orders placed",
  order_changes: "Order edits, returns and claims",
  cancellations: "Cancellations",
  payments: "Payments captured",
  refunds: "Payments refunded in Medusa",
}

/** Whole days, 0 to 3650, or what is wrong. */
const daysError = (text: string) =>
  !/^\d+$/.test(text.trim()) ? "Enter a whole number of days" : Number(text) > 3650 ? "At most 3650 days" : null

const useCustomerGroups = () =>
  useQuery({
    queryKey: ["accounting", "customer-groups"],
    queryFn: () => sdk.admin.customerGroup.list({ limit: 100, fields: "id,name" }),
  })

/** One account mapping: a labelled select of the chart. */
const AccountSelect = ({
  label,
  value,
  onChange,
  accounts,
}: {
  label: string
  value: string
  onChange: (v: string) => void
  accounts: { id: string; code: string; name: string }[]
}) => {
  const id = useId()
  return (
    <Table.Row>
      <Table.Cell className="w-1/3">
        <Label htmlFor={id} size="small">
          {label}
        </Label>
      </Table.Cell>
      <Table.Cell className="py-1">
        <Select value={value} onValueChange={onChange}>
          <Select.Trigger id={id}>
            <Select.Value placeholder="Not mapped" />
          </Select.Trigger>
          <Select.Content>
            {accounts.map((a) => (
              <Select.Item key={a.id} value={a.id}>
                {a.code} {a.name}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Table.Cell>
    </Table.Row>
  )
}

/** Which account each role and refund method posts to, numbering, payment terms (per customer group), aging buckets, automatic posting. */
const SettingsForm = () => {
  const { can } = usePermissions()
  const notice = useNotice()
  const settings = useSettings()
  const accounts = useAccounts()
  const groups = useCustomerGroups()
  const s = settings.data?.settings
  const [roles, setRoles] = useState<Record<string, string>>({})
  const [methods, setMethods] = useState<Record<string, string>>({})
  const [terms, setTerms] = useState("0")
  const [groupTerms, setGroupTerms] = useState<Record<string, string>>({})
  const [buckets, setBuckets] = useState("30, 60, 90")
  const [sequences, setSequences] = useState<{ type: string; prefix: string; padding: string }[]>([])
  const [posting, setPosting] = useState<Record<string, boolean>>({})
  const [attempted, setAttempted] = useState(false)
  useEffect(() => {
    if (s) {
      setRoles(Object.fromEntries(Object.entries(s.role_accounts).map(([k, a]) => [k, a.id])))
      setMethods(Object.fromEntries(Object.entries(s.method_accounts).map(([k, a]) => [k, a.id])))
      setTerms(String(s.payment_terms.default_days))
      setGroupTerms(
        Object.fromEntries(s.payment_terms.customer_groups.map((g) => [g.customer_group_id, String(g.days)]))
      )
      setBuckets(s.aging_buckets.join(", "))
      setSequences(s.sequences.map(({ type, prefix, padding }) => ({ type, prefix, padding: String(padding) })))
      setPosting(s.posting)
    }
  }, [s])

  const errors = useMemo(() => {
    const e: Record<string, string> = {}
    const defaultDays = daysError(terms)
    if (defaultDays) e["payment_terms.default_days"] = defaultDays
    for (const [group, days] of Object.entries(groupTerms)) {
      const error = days.trim() ? daysError(days) : null
      if (error) e[`group.${group}`] = error
    }
    const parsed = parseBuckets(buckets)
    if (parsed.error) e.aging_buckets = parsed.error
    sequences.forEach((seq, i) => {
      if (!seq.prefix.trim()) e[`sequences.${i}.prefix`] = "Enter a prefix, e.g. CM-"
      if (!/^\d+$/.test(seq.padding) || Number(seq.padding) < 1 || Number(seq.padding) > 12)
        e[`sequences.${i}.padding`] = "1 to 12 digits"
    })
    return e
  }, [terms, groupTerms, buckets, sequences])
  const save = useAccountingMutation(() =>
    accounting.settings.update({
      role_accounts: roles,
      method_accounts: methods,
      payment_terms: {
        default_days: Number(terms),
        customer_groups: Object.entries(groupTerms)
          .filter(([, days]) => days.trim() !== "")
          .map(([customer_group_id, days]) => ({ customer_group_id, days: Number(days) })),
      },
      aging_buckets: parseBuckets(buckets).value!.split(",").map(Number),
      sequences: sequences.map((seq) => ({ type: seq.type, prefix: seq.prefix, padding: Number(seq.padding) })),
      posting,
    })
  )
  const shown = attempted ? errors : {}
  const fieldErrors = { ...shown, ...(save.failure?.fields ?? {}) }

  if (settings.isLoading) {
    return <Loading what="Loading settings…" />
  }
  if (!s) {
    return <LoadError error={settings.error} what="The settings" onRetry={() => settings.refetch()} />
  }
  const chart = accounts.data?.accounts ?? []
  const saveButton = (
    <div className="flex flex-col items-end gap-y-1">
      <Button
        size="small"
        disabled={!can("settings:manage")}
        isLoading={save.isPending}
        onClick={() => {
          setAttempted(true)
          if (Object.keys(errors).length) {
            return
          }
          save.mutate(undefined, { onSuccess: () => notice.success("Settings saved") })
        }}
        data-testid="settings-save"
      >
        Save settings
      </Button>
    </div>
  )
  return (
    <>
      <Section title="Accounts by role" actions={saveButton} data-testid="settings-roles">
        {(save.failure && !Object.keys(save.failure.fields).length) || (attempted && Object.keys(errors).length) ? (
          <div className="px-6 py-3">
            <ActionError
              message={
                save.failure && !Object.keys(save.failure.fields).length
                  ? save.failure.message
                  : "Some settings need fixing; see the fields marked below."
              }
            />
          </div>
        ) : null}
        <Table>
          <Table.Body>
            {ACCOUNT_ROLES.map((role) => (
              <AccountSelect
                key={role}
                label={humanize(role)}
                value={roles[role] ?? ""}
                onChange={(v) => setRoles((r) => ({ ...r, [role]: v }))}
                accounts={chart}
              />
            ))}
          </Table.Body>
        </Table>
      </Section>
      <Section
        title="Refund methods"
        subtitle="The account a refund paid by this method is credited to (card: the provider's account, if it has one). Methods of your own (e.g. PayPal) are added by mapping them, here or in the plugin options."
      >
        <Table>
          <Table.Body>
            {[...new Set([...METHODS, ...Object.keys(methods)])].map((m) => (
              <AccountSelect
                key={m}
                label={methodLabel(m)}
                value={methods[m] ?? ""}
                onChange={(v) => setMethods((r) => ({ ...r, [m]: v }))}
                accounts={chart}
              />
            ))}
          </Table.Body>
        </Table>
      </Section>
      <Section
        title="Payment terms"
        subtitle="Days until an order's receivable is due; a customer group's own terms win over the default."
      >
        <div className="flex flex-col gap-y-4 px-6 py-4">
          <TextField
            label="Default payment terms (days)"
            value={terms}
            onChange={setTerms}
            error={fieldErrors["payment_terms.default_days"]}
            data-testid="terms-default"
            className="max-w-[240px]"
          />
          {groups.error && <LoadError error={groups.error} what="Customer groups" onRetry={() => groups.refetch()} />}
          {!!groups.data?.customer_groups.length && (
            <Table data-testid="group-terms">
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Customer group</Table.HeaderCell>
                  <Table.HeaderCell>Days (empty: the default)</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {groups.data.customer_groups.map((g) => (
                  <Table.Row key={g.id}>
                    <Table.Cell>{g.name}</Table.Cell>
                    <Table.Cell className="py-1">
                      <Input
                        size="small"
                        aria-label={`Payment terms of ${g.name} (days)`}
                        aria-invalid={!!fieldErrors[`group.${g.id}`]}
                        value={groupTerms[g.id] ?? ""}
                        placeholder={terms}
                        onChange={(e) => setGroupTerms((t) => ({ ...t, [g.id]: e.target.value }))}
                        data-testid="group-terms-days"
                      />
                      {fieldErrors[`group.${g.id}`] && (
                        <Text size="xsmall" className="text-ui-fg-error" role="alert">
                          {fieldErrors[`group.${g.id}`]}
                        </Text>
                      )}
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </div>
      </Section>
      <Section title="Numbering and aging">
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <TextField
            label="Aging buckets (days)"
            value={buckets}
            onChange={setBuckets}
            error={fieldErrors.aging_buckets}
            hint="Upper limits of each bucket, e.g. 30, 60, 90"
          />
          <div />
          {sequences.map((seq, i) => (
            <div key={seq.type} className="grid grid-cols-2 gap-2">
              <TextField
                label={`${humanize(seq.type)} prefix`}
                value={seq.prefix}
                error={fieldErrors[`sequences.${i}.prefix`]}
                onChange={(v) => setSequences((list) => list.map((x, j) => (i === j ? { ...x, prefix: v } : x)))}
              />
              <TextField
                label="Digits"
                value={seq.padding}
                error={fieldErrors[`sequences.${i}.padding`]}
                onChange={(v) => setSequences((list) => list.map((x, j) => (i === j ? { ...x, padding: v } : x)))}
              />
            </div>
          ))}
        </div>
      </Section>
      <Section title="Automatic posting" subtitle="What store activity posts to the ledger by itself.">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {Object.entries(posting).map(([key, on]) => (
            <PostingSwitch
              key={key}
              label={POSTING_LABELS[key] ?? humanize(key)}
              checked={on}
              onChange={(v) => setPosting((p) => ({ ...p, [key]: v }))}
            />
          ))}
        </div>
      </Section>
      <div className="flex justify-end">{saveButton}</div>
    </>
  )
}

const PostingSwitch = ({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) => {
  const id = useId()
  return (
    <div className="flex items-center justify-between">
      <Label htmlFor={id} size="small">
        {label}
      </Label>
      <Switch id={id} checked={checked} onCheckedChange={onChange} />
    </div>
  )
}

const SettingsPage = () => (
  <AccountingPage
    title="Settings"
    description="Account mapping, payment terms, numbering, aging buckets, automatic posting, reason codes and approval thresholds."
  >
    <SettingsForm />
    <ReasonCodesSettings />
    <ApprovalThresholds />
  </AccountingPage>
)

export const config = defineRouteConfig({ label: "Settings", rank: 6 })

export default SettingsPage
