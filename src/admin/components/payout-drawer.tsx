import { Badge, Drawer, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { usePayout } from "../hooks/accounting"
import { formatDate, humanize } from "../lib/format"
import { Money } from "./money"
import { LoadError, Loading } from "./section"

const SOURCES: Record<string, string> = { stripe_csv: "Stripe report", csv: "CSV import", api: "Recorded" }

/** One payout: its totals, the journal entry it posted, and each line with what it settled. */
export const PayoutDrawer = ({ payoutId, onClose }: { payoutId: string | null; onClose: () => void }) => {
  const query = usePayout(payoutId)
  const p = query.data?.payout
  const lines = [...(p?.lines ?? [])].sort((a, b) => a.line_no - b.line_no)
  return (
    <Drawer open={!!payoutId} onOpenChange={(open) => !open && onClose()}>
      <Drawer.Content className="sm:max-w-[840px]">
        <Drawer.Header>
          <Drawer.Title>Payout {p?.number ?? ""}</Drawer.Title>
          <Drawer.Description className="txt-small text-ui-fg-subtle">
            {p
              ? `${p.provider_id} · ${p.provider_payout_id} · ${formatDate(p.payout_date)} · ${SOURCES[p.source] ?? p.source}`
              : "Loading…"}
          </Drawer.Description>
        </Drawer.Header>
        <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto p-0" data-testid="payout-detail">
          {query.isLoading && <Loading />}
          {query.error && <LoadError error={query.error} what="The payout" onRetry={() => query.refetch()} />}
          {p && (
            <>
              <div className="flex flex-wrap items-center justify-between gap-2 px-6 pt-4">
                <Text size="small" data-testid="payout-totals">
                  Gross <Money amount={p.gross} currency={p.currency_code} /> − fees{" "}
                  <Money amount={p.fee} currency={p.currency_code} /> = net{" "}
                  <Money amount={p.net} currency={p.currency_code} />
                </Text>
                {p.journal_entry_id && (
                  <Link
                    to={`/accounting/journal?entry=${p.journal_entry_id}`}
                    className="txt-small text-ui-fg-interactive"
                    data-testid="payout-entry-link"
                  >
                    Journal entry
                  </Link>
                )}
              </div>
              <Table data-testid="payout-lines">
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>#</Table.HeaderCell>
                    <Table.HeaderCell>Category</Table.HeaderCell>
                    <Table.HeaderCell>Payment</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Gross</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Fee</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Net</Table.HeaderCell>
                    <Table.HeaderCell>Matched</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {lines.map((l) => (
                    <Table.Row key={l.id} data-testid="payout-line">
                      <Table.Cell>{l.line_no}</Table.Cell>
                      <Table.Cell>{humanize(l.reporting_category)}</Table.Cell>
                      <Table.Cell className="whitespace-normal">
                        <Text size="small">{l.provider_payment_id ?? "–"}</Text>
                        {l.description && (
                          <Text size="xsmall" className="text-ui-fg-subtle">
                            {l.description}
                          </Text>
                        )}
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <Money amount={l.gross} currency={p.currency_code} />
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <Money amount={l.fee} currency={p.currency_code} />
                      </Table.Cell>
                      <Table.Cell className="text-right">
                        <Money amount={l.net} currency={p.currency_code} />
                      </Table.Cell>
                      <Table.Cell>
                        {l.matched_id ? (
                          <Badge size="2xsmall" color="green" title={l.matched_id}>
                            {l.matched_type === "refund" ? "Refund" : "Capture"}
                          </Badge>
                        ) : (
                          <Badge size="2xsmall" color="orange">
                            Unmatched
                          </Badge>
                        )}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </>
          )}
        </Drawer.Body>
      </Drawer.Content>
    </Drawer>
  )
}
