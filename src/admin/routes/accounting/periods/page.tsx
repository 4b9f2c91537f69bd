import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Button, Input, Label, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { DateField } from "../../../components/date-field"
import { ListState, Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { useAccountingMutation, usePeriods, usePermissions } from "../../../hooks/accounting"
import { accounting } from "../../../lib/sdk"

/** Accounting periods: a closed period takes no posting, void or reversal dated inside it. */
const PeriodsPage = () => {
  const { can } = usePermissions()
  const periods = usePeriods()
  const [name, setName] = useState("")
  const [start, setStart] = useState("")
  const [end, setEnd] = useState("")
  const create = useAccountingMutation(
    () => accounting.periods.create({ name, start_date: start, end_date: end }),
    "Period created"
  )
  const close = useAccountingMutation(
    (id: string) => accounting.periods.close(id),
    (r) => `${r.period.name} closed`
  )
  const reopen = useAccountingMutation(
    (id: string) => accounting.periods.reopen(id),
    (r) => `${r.period.name} reopened (audited)`
  )
  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Periods"
        description="Close a period when its books are final; reopening is allowed and recorded in the audit trail."
      />
      <Section title="New period">
        <div className="grid grid-cols-4 items-end gap-4 px-6 py-4">
          <div>
            <Label size="small">Name</Label>
            <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="2026-11" />
          </div>
          <DateField label="Start" value={start} onChange={setStart} />
          <DateField label="End" value={end} onChange={setEnd} />
          <Button
            size="small"
            disabled={!name || !start || !end || !can("periods:manage")}
            isLoading={create.isPending}
            onClick={() => create.mutate(undefined)}
          >
            Create
          </Button>
        </div>
      </Section>
      <Section title="Periods">
        <ListState query={periods} empty="No periods: every date is open for posting.">
          {(data) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>From</Table.HeaderCell>
                  <Table.HeaderCell>To</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Closed</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.periods.map((p) => (
                  <Table.Row key={p.id}>
                    <Table.Cell>{p.name}</Table.Cell>
                    <Table.Cell>{p.start_date}</Table.Cell>
                    <Table.Cell>{p.end_date}</Table.Cell>
                    <Table.Cell>
                      <DocumentStatus status={p.status} />
                    </Table.Cell>
                    <Table.Cell>
                      <Text size="small">
                        {p.closed_at ? `${p.closed_at.slice(0, 10)} by ${p.closed_by ?? "system"}` : "–"}
                      </Text>
                    </Table.Cell>
                    <Table.Cell className="text-right">
                      <Button
                        size="small"
                        variant="secondary"
                        disabled={!can("periods:manage")}
                        onClick={() => (p.status === "open" ? close : reopen).mutate(p.id)}
                      >
                        {p.status === "open" ? "Close" : "Reopen"}
                      </Button>
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </ListState>
      </Section>
    </div>
  )
}

export const config = defineRouteConfig({ label: "Periods", rank: 5 })

export default PeriodsPage
