import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Input, Label, Select, Switch, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { Loading, Section } from "../../../components/section"
import { useAccountingMutation, useAccounts, usePermissions, useSettings } from "../../../hooks/accounting"
import { accounting } from "../../../lib/sdk"
import { ACCOUNT_ROLES } from "../../../../modules/accounting/rules/roles"

const METHODS = ["check", "eft", "cash", "card", "store_credit", "record_transfer"]

/** Which account each role and refund method posts to, numbering, payment terms, aging buckets, automatic posting. */
const SettingsPage = () => {
  const { can } = usePermissions()
  const settings = useSettings()
  const accounts = useAccounts()
  const s = settings.data?.settings
  const [roles, setRoles] = useState<Record<string, string>>({})
  const [methods, setMethods] = useState<Record<string, string>>({})
  const [terms, setTerms] = useState("0")
  const [buckets, setBuckets] = useState("30,60,90")
  const [sequences, setSequences] = useState<{ type: string; prefix: string; padding: number }[]>([])
  const [posting, setPosting] = useState<Record<string, boolean>>({})
  useEffect(() => {
    if (s) {
      setRoles(Object.fromEntries(Object.entries(s.role_accounts).map(([k, a]) => [k, a.id])))
      setMethods(Object.fromEntries(Object.entries(s.method_accounts).map(([k, a]) => [k, a.id])))
      setTerms(String(s.payment_terms.default_days))
      setBuckets(s.aging_buckets.join(","))
      setSequences(s.sequences.map(({ type, prefix, padding }) => ({ type, prefix, padding })))
      setPosting(s.posting)
    }
  }, [s])
  const save = useAccountingMutation(
    () =>
      accounting.settings.update({
        role_accounts: roles,
        method_accounts: methods,
        payment_terms: { default_days: Number(terms) },
        aging_buckets: buckets.split(",").map((b) => Number(b.trim())),
        sequences,
        posting,
      }),
    "Settings saved"
  )
  const accountSelect = (value: string, onChange: (v: string) => void) => (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger>
        <Select.Value placeholder="Not mapped" />
      </Select.Trigger>
      <Select.Content>
        {(accounts.data?.accounts ?? []).map((a) => (
          <Select.Item key={a.id} value={a.id}>
            {a.code} {a.name}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
  if (!s) {
    return <Loading />
  }
  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Settings"
        description="Account mapping, numbering, payment terms, aging buckets and automatic posting."
      />
      <Section
        title="Accounts by role"
        actions={
          <Button
            size="small"
            disabled={!can("settings:manage")}
            isLoading={save.isPending}
            onClick={() => save.mutate(undefined)}
          >
            Save
          </Button>
        }
      >
        <Table>
          <Table.Body>
            {ACCOUNT_ROLES.map((role) => (
              <Table.Row key={role}>
                <Table.Cell className="w-1/3">{role.replace(/_/g, " ")}</Table.Cell>
                <Table.Cell>
                  {accountSelect(roles[role] ?? "", (v) => setRoles((r) => ({ ...r, [role]: v })))}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Section>
      <Section
        title="Refund methods"
        subtitle="The account a refund paid by this method is credited to (card: the provider's account, if it has one). Methods of your own (e.g. paypal) are added by mapping them, here or in the plugin options."
      >
        <Table>
          <Table.Body>
            {[...new Set([...METHODS, ...Object.keys(methods)])].map((m) => (
              <Table.Row key={m}>
                <Table.Cell className="w-1/3">{m.replace(/_/g, " ")}</Table.Cell>
                <Table.Cell>
                  {accountSelect(methods[m] ?? "", (v) => setMethods((r) => ({ ...r, [m]: v })))}
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </Section>
      <Section title="Numbering, terms and aging">
        <div className="grid grid-cols-2 gap-4 px-6 py-4">
          <div>
            <Label size="small">Default payment terms (days)</Label>
            <Input value={terms} onChange={(e) => setTerms(e.target.value)} />
          </div>
          <div>
            <Label size="small">Aging buckets (days)</Label>
            <Input value={buckets} onChange={(e) => setBuckets(e.target.value)} />
          </div>
          {sequences.map((seq, i) => (
            <div key={seq.type} className="grid grid-cols-2 gap-2">
              <div>
                <Label size="small">{seq.type.replace(/_/g, " ")} prefix</Label>
                <Input
                  value={seq.prefix}
                  onChange={(e) =>
                    setSequences((list) =>
                      list.map((x, j) => (i === j ? { ...x, prefix: e.target.value } : x))
                    )
                  }
                />
              </div>
              <div>
                <Label size="small">Digits</Label>
                <Input
                  value={String(seq.padding)}
                  onChange={(e) =>
                    setSequences((list) =>
                      list.map((x, j) => (i === j ? { ...x, padding: Number(e.target.value) || 0 } : x))
                    )
                  }
                />
              </div>
            </div>
          ))}
        </div>
      </Section>
      <Section title="Automatic posting" subtitle="What store activity posts to the ledger by itself.">
        <div className="flex flex-col gap-y-3 px-6 py-4">
          {Object.entries(posting).map(([key, on]) => (
            <label key={key} className="flex items-center justify-between">
              <Text size="small">{key.replace(/_/g, " ")}</Text>
              <Switch checked={on} onCheckedChange={(v) => setPosting((p) => ({ ...p, [key]: v }))} />
            </label>
          ))}
        </div>
      </Section>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Settings", rank: 6 })

export default SettingsPage
