import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Badge, Button, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { AccountingNav } from "../../../components/accounting-nav"
import { Money } from "../../../components/money"
import { ListFilterBar, PagedList } from "../../../components/list-controls"
import { Section } from "../../../components/section"
import { DocumentStatus } from "../../../components/status"
import { VoidPrompt } from "../../../components/void-prompt"
import { useAccountingMutation, useJournal, useJournalEntry, usePermissions } from "../../../hooks/accounting"
import { useListFilters } from "../../../hooks/list-filters"
import { accounting } from "../../../lib/sdk"

const PAGE = 25

/** The journal: entries with their lines, reversal links, and the hash-chain check. */
const JournalPage = () => {
  const { can } = usePermissions()
  const filters = useListFilters(PAGE)
  const [openId, setOpenId] = useState<string | null>(null)
  const [reversing, setReversing] = useState<string | null>(null)
  const list = useJournal({ ...filters.query, order: "-chain_seq" })
  const entry = useJournalEntry(openId)
  const verify = useAccountingMutation(
    () => accounting.journal.verify(),
    (r) =>
      r.valid
        ? `Chain intact: ${r.checked} entries verified`
        : `Tampering found at ${r.first_broken_number ?? r.first_broken_id}: ${r.reason}`
  )
  const reverse = useAccountingMutation(
    (v: { id: string; date: string }) => accounting.journal.reverse(v.id, v.date),
    (r) => `Reversed by ${r.reversal.number}`
  )
  const post = useAccountingMutation(
    (id: string) => accounting.journal.post(id),
    (r) => `Posted as ${r.journal_entry.number}`
  )
  const e = entry.data?.journal_entry

  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Journal"
        description="Every posting, append-only: corrections are reversals, and each entry is chained to the previous by its hash."
      />
      <Section
        title="Journal entries"
        actions={
          <ListFilterBar
            filters={filters}
            placeholder="Number or memo"
            statuses={["draft", "posted", "reversed"]}
          >
            <Button
              size="small"
              variant="secondary"
              className="whitespace-nowrap"
              isLoading={verify.isPending}
              onClick={() => verify.mutate(undefined)}
              data-testid="verify-journal"
            >
              Verify chain
            </Button>
          </ListFilterBar>
        }
      >
        {verify.data && (
          <div className="px-6 py-3">
            <Badge color={verify.data.valid ? "green" : "red"}>
              {verify.data.valid
                ? `Chain intact (${verify.data.checked} entries)`
                : `Broken at ${verify.data.first_broken_number ?? verify.data.first_broken_id}: ${verify.data.reason}`}
            </Badge>
          </div>
        )}
        <PagedList query={list} filters={filters} empty="No journal entries yet.">
          {(data) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Number</Table.HeaderCell>
                  <Table.HeaderCell>Date</Table.HeaderCell>
                  <Table.HeaderCell>Memo</Table.HeaderCell>
                  <Table.HeaderCell>Source</Table.HeaderCell>
                  <Table.HeaderCell>Currency</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.journal_entries.map((j) => (
                  <Table.Row
                    key={j.id}
                    className="cursor-pointer"
                    onClick={() => setOpenId(j.id)}
                    data-testid="journal-row"
                  >
                    <Table.Cell>{j.number ?? "Draft"}</Table.Cell>
                    <Table.Cell>{j.entry_date}</Table.Cell>
                    <Table.Cell>
                      <Text size="small" className="max-w-[320px] truncate">
                        {j.memo}
                      </Text>
                    </Table.Cell>
                    <Table.Cell>{j.source_type ?? "manual"}</Table.Cell>
                    <Table.Cell>{j.currency_code.toUpperCase()}</Table.Cell>
                    <Table.Cell>
                      <DocumentStatus status={j.status} />
                    </Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          )}
        </PagedList>
      </Section>
      <Drawer open={!!openId} onOpenChange={(open) => !open && setOpenId(null)}>
        <Drawer.Content>
          <Drawer.Header>
            <Drawer.Title>Journal entry {e?.number ?? "(draft)"}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {e && (
              <>
                <div className="flex items-center gap-x-2">
                  <DocumentStatus status={e.status} />
                  <Text size="small">
                    {e.entry_date} · {e.memo}
                  </Text>
                </div>
                {e.reversal_of_id && (
                  <Button size="small" variant="transparent" onClick={() => setOpenId(e.reversal_of_id)}>
                    Reversal of another entry: open it
                  </Button>
                )}
                {e.reversed_by_id && (
                  <Button size="small" variant="transparent" onClick={() => setOpenId(e.reversed_by_id)}>
                    Reversed: open the reversal
                  </Button>
                )}
                <Table>
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Account</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Debit</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Credit</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {[...(e.lines ?? [])]
                      .sort((a, b) => a.line_no - b.line_no)
                      .map((l) => (
                        <Table.Row key={l.id}>
                          <Table.Cell>
                            {l.account.code} {l.account.name}
                          </Table.Cell>
                          <Table.Cell className="text-right">
                            {l.debit ? <Money amount={l.debit} currency={e.currency_code} /> : ""}
                          </Table.Cell>
                          <Table.Cell className="text-right">
                            {l.credit ? <Money amount={l.credit} currency={e.currency_code} /> : ""}
                          </Table.Cell>
                        </Table.Row>
                      ))}
                  </Table.Body>
                </Table>
              </>
            )}
          </Drawer.Body>
          <Drawer.Footer>
            {e?.status === "draft" && (
              <Button size="small" disabled={!can("journal:post")} onClick={() => post.mutate(e.id)}>
                Post
              </Button>
            )}
            {e?.status === "posted" && (
              <Button
                size="small"
                variant="danger"
                disabled={!can("journal:reverse")}
                onClick={() => setReversing(e.id)}
              >
                Reverse…
              </Button>
            )}
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
      <VoidPrompt
        open={!!reversing}
        onOpenChange={(open) => !open && setReversing(null)}
        title="Reverse entry"
        description="Posts the mirror entry on the date you choose: on or after the original, in an open period."
        isPending={reverse.isPending}
        onConfirm={({ date }) =>
          reverse.mutate({ id: reversing!, date }, { onSuccess: () => setReversing(null) })
        }
      />
    </div>
  )
}

export const config = defineRouteConfig({ label: "Journal", rank: 3 })

export default JournalPage
