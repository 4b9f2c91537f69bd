import { Button, Drawer, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import type { JournalEntry } from "../../sdk/accounting-client"
import { accounting } from "../lib/sdk"
import { formatDate, orderLabel, sourceTypeLabel } from "../lib/format"
import { sumMoney, toDecimal } from "../lib/money"
import { useAccountingMutation, useJournalEntry, usePermissions } from "../hooks/accounting"
import { ActionDrawer } from "./action-drawer"
import { Money } from "./money"
import { ActionError } from "./notice"
import { LoadError, Loading } from "./section"
import { DocumentStatus } from "./status"

type Line = NonNullable<JournalEntry["lines"]>[number]

/** Debits first, then credits, each in the entry's own order: how an accountant reads an entry. */
const byDebitsFirst = (a: Line, b: Line) => {
  const debit = (l: Line) => (toDecimal(l.debit).gt(0) ? 0 : 1)
  return debit(a) - debit(b) || a.line_no - b.line_no
}

/** Who or what a line is about (customer by name, order by number). */
const lineContext = (l: Line) =>
  [l.customer?.name, l.order ? `Order ${orderLabel(l.order)}` : null, l.description].filter(Boolean).join(" · ")

/**
 * One entry: its lines (debits first) with a totals row, the entries it
 * reverses or is reversed by, and Post / Reverse… where the server would
 * accept them (an entry an order, memo or refund posted is corrected through
 * its document, so it offers no "Reverse").
 */
export const JournalEntryDrawer = ({
  entryId,
  onOpen,
  onClose,
  onDone,
}: {
  entryId: string | null
  onOpen: (id: string) => void
  onClose: () => void
  onDone: (text: string) => void
}) => {
  const { can } = usePermissions()
  const entry = useJournalEntry(entryId)
  const [reversing, setReversing] = useState(false)
  const e = entry.data?.journal_entry
  const post = useAccountingMutation((id: string) => accounting.journal.post(id), {
    codeFields: {},
  })
  const reverse = useAccountingMutation(
    (v: { id: string; date: string }) => accounting.journal.reverse(v.id, v.date),
    { codeFields: { PERIOD_CLOSED: "date", DATE_BEFORE_ORIGINAL: "date" } }
  )
  const lines = [...(e?.lines ?? [])].sort(byDebitsFirst)
  const debits = sumMoney(lines.map((l) => l.debit))
  const credits = sumMoney(lines.map((l) => l.credit))

  return (
    <>
      <Drawer open={!!entryId} onOpenChange={(open) => !open && onClose()}>
        <Drawer.Content className="max-w-[640px]">
          <Drawer.Header>
            <Drawer.Title>Journal entry {e?.number ?? (e ? "(draft)" : "")}</Drawer.Title>
            <Drawer.Description className="txt-small text-ui-fg-subtle">
              {e ? `${formatDate(e.entry_date)} · ${sourceTypeLabel(e.source_type)}${e.memo ? ` · ${e.memo}` : ""}` : "Loading…"}
            </Drawer.Description>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto p-0">
            {entry.isLoading && <Loading />}
            {entry.error && <LoadError error={entry.error} what="The entry" onRetry={() => entry.refetch()} />}
            {e && (
              <>
                <div className="flex flex-wrap items-center gap-2 px-6 pt-4">
                  <DocumentStatus status={e.status} />
                  {e.reversal_of_id && (
                    <Button size="small" variant="transparent" onClick={() => onOpen(e.reversal_of_id!)}>
                      Open the entry it reverses
                    </Button>
                  )}
                  {e.reversed_by_id && (
                    <Button size="small" variant="transparent" onClick={() => onOpen(e.reversed_by_id!)}>
                      Open its reversal
                    </Button>
                  )}
                </div>
                <Table data-testid="entry-lines">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Account</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Debit</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Credit</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {lines.map((l) => (
                      <Table.Row key={l.id} data-testid="entry-line">
                        <Table.Cell className="whitespace-normal py-2">
                          <Text size="small">
                            {l.account.code} {l.account.name}
                          </Text>
                          {lineContext(l) && (
                            <Text size="xsmall" className="text-ui-fg-subtle">
                              {lineContext(l)}
                            </Text>
                          )}
                        </Table.Cell>
                        <Table.Cell className="text-right">
                          {toDecimal(l.debit).gt(0) ? <Money amount={l.debit} currency={e.currency_code} /> : ""}
                        </Table.Cell>
                        <Table.Cell className="text-right">
                          {toDecimal(l.credit).gt(0) ? <Money amount={l.credit} currency={e.currency_code} /> : ""}
                        </Table.Cell>
                      </Table.Row>
                    ))}
                    <Table.Row className="font-medium" data-testid="entry-totals">
                      <Table.Cell>Total</Table.Cell>
                      <Table.Cell className="text-right">
                        <Money amount={debits.toString()} currency={e.currency_code} className="font-medium" />
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <Money amount={credits.toString()} currency={e.currency_code} className="font-medium" />
                      </Table.Cell>
                    </Table.Row>
                  </Table.Body>
                </Table>
              </>
            )}
          </Drawer.Body>
          <Drawer.Footer className="flex-col items-stretch gap-y-2">
            <ActionError message={post.failure?.message} />
            <div className="flex justify-end gap-x-2">
              {e?.status === "draft" && can("journal:post") && (
                <Button
                  size="small"
                  isLoading={post.isPending}
                  onClick={() =>
                    post.mutate(e.id, { onSuccess: (r) => onDone(`Posted as ${r.journal_entry.number}`) })
                  }
                >
                  Post
                </Button>
              )}
              {e?.reversible && can("journal:reverse") && (
                <Button size="small" variant="danger" onClick={() => setReversing(true)} data-testid="entry-reverse">
                  Reverse…
                </Button>
              )}
            </div>
          </Drawer.Footer>
        </Drawer.Content>
      </Drawer>
      <ActionDrawer
        open={reversing}
        onOpenChange={(open) => {
          if (!open) {
            reverse.reset()
            setReversing(false)
          }
        }}
        title={`Reverse ${e?.number ?? "entry"}`}
        description="Posts the mirror entry on the date you choose: on or after the original, in an open period."
        confirmLabel="Reverse entry"
        askDate
        isPending={reverse.isPending}
        failure={reverse.failure}
        onConfirm={({ date }) =>
          reverse.mutate(
            { id: e!.id, date },
            {
              onSuccess: (r) => {
                setReversing(false)
                onDone(`${e?.number} reversed by ${r.reversal.number}`)
              },
            }
          )
        }
      />
    </>
  )
}
