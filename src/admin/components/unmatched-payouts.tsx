import { Table, Text } from "@medusajs/ui"
import { useUnmatchedPayouts } from "../hooks/accounting"
import { formatDateTime, humanize } from "../lib/format"
import { Money } from "./money"
import { QueryState, Section, SubSection } from "./section"

/**
 * What payouts and Medusa disagree on: payout lines that settled no capture
 * or refund Medusa knows, and card captures no payout has paid out yet
 * (the system provider's manual payments are never paid out, so not listed).
 */
export const UnmatchedPayouts = ({ onOpenPayout }: { onOpenPayout: (id: string) => void }) => {
  const query = useUnmatchedPayouts()
  return (
    <Section
      title="To reconcile"
      subtitle="Payout lines matched to nothing, and captures no payout has paid out yet."
      data-testid="payouts-unmatched"
    >
      <QueryState query={query} what="Unmatched items">
        {(data) => (
          <>
            <SubSection title={`Payout lines matched to nothing (${data.unmatched_lines.length})`}>
              {data.unmatched_lines.length ? (
                <Table data-testid="unmatched-lines">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Payout</Table.HeaderCell>
                      <Table.HeaderCell>Line</Table.HeaderCell>
                      <Table.HeaderCell>Category</Table.HeaderCell>
                      <Table.HeaderCell>Payment</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Gross</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Fee</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.unmatched_lines.map((l) => (
                      <Table.Row
                        key={l.id}
                        className="cursor-pointer"
                        onClick={() => onOpenPayout(l.payout_id)}
                      >
                        <Table.Cell>{l.payout_number}</Table.Cell>
                        <Table.Cell>{l.line_no}</Table.Cell>
                        <Table.Cell>{humanize(l.reporting_category)}</Table.Cell>
                        <Table.Cell>{l.provider_payment_id ?? "–"}</Table.Cell>
                        <Table.Cell className="text-right">
                          <Money amount={l.gross} currency={l.currency_code} />
                        </Table.Cell>
                        <Table.Cell className="text-right">
                          <Money amount={l.fee} currency={l.currency_code} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              ) : (
                <Text size="small" className="text-ui-fg-muted">
                  Every payout line settled a capture or refund.
                </Text>
              )}
            </SubSection>
            <SubSection title={`Captures not paid out yet (${data.unpaid_captures.length})`}>
              {data.unpaid_captures.length ? (
                <Table data-testid="unpaid-captures">
                  <Table.Header>
                    <Table.Row>
                      <Table.HeaderCell>Captured</Table.HeaderCell>
                      <Table.HeaderCell>Provider</Table.HeaderCell>
                      <Table.HeaderCell>Payment</Table.HeaderCell>
                      <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
                    </Table.Row>
                  </Table.Header>
                  <Table.Body>
                    {data.unpaid_captures.map((c) => (
                      <Table.Row key={c.id}>
                        <Table.Cell>{formatDateTime(c.created_at)}</Table.Cell>
                        <Table.Cell>{c.provider_id}</Table.Cell>
                        <Table.Cell>{c.provider_payment_id ?? c.payment_id}</Table.Cell>
                        <Table.Cell className="text-right">
                          <Money amount={c.amount} currency={c.currency_code} />
                        </Table.Cell>
                      </Table.Row>
                    ))}
                  </Table.Body>
                </Table>
              ) : (
                <Text size="small" className="text-ui-fg-muted">
                  No card capture is waiting for a payout.
                </Text>
              )}
            </SubSection>
          </>
        )}
      </QueryState>
    </Section>
  )
}
