import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CurrencyDollar } from "@medusajs/icons"
import { Badge, Button, Container, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { AccountingNav } from "../../components/accounting-nav"
import { ListState, Section } from "../../components/section"
import { ReconciledBadge } from "../../components/status"
import { useAccountingMutation, usePermissions, usePostingErrors, useReport } from "../../hooks/accounting"
import { accounting } from "../../lib/sdk"
import { todayIso } from "../../lib/format"

/** Accounting home: is everything reconciled, did any posting fail, where to go next. */
const AccountingOverviewPage = () => {
  const errors = usePostingErrors()
  const reconciliation = useReport("reconciliation", { as_of: todayIso() })
  const { can } = usePermissions()
  const retry = useAccountingMutation((id: string) => accounting.postingErrors.retry(id), "Retried")
  const result = reconciliation.data
  return (
    <div className="flex flex-col gap-y-3">
      <AccountingNav
        title="Accounting"
        description="Credit memos, customer refunds, the journal and the reports that prove the books agree with the money."
      />
      <Container className="flex items-center justify-between px-6 py-4">
        <div>
          <Text weight="plus">Reconciliation as of today</Text>
          <Text size="small" className="text-ui-fg-subtle">
            AR subledger vs control, Medusa payments vs journal, store credit vs deposits, hash chain.
          </Text>
        </div>
        {result ? (
          <ReconciledBadge report={result} data-testid="reconciled-badge" />
        ) : (
          <Text size="small">Checking…</Text>
        )}
      </Container>
      <Section
        title="Posting errors"
        subtitle="Store activity that could not be posted yet; retried every minute."
      >
        <ListState query={errors} empty="None: every order, capture and refund is in the journal.">
          {(data) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Source</Table.HeaderCell>
                  <Table.HeaderCell>Problem</Table.HeaderCell>
                  <Table.HeaderCell>Attempts</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {data.posting_errors.map((e) => (
                  <Table.Row key={e.id}>
                    <Table.Cell>
                      {e.source_type === "order" ? (
                        <Link to={`/orders/${e.source_id}`}>{e.source_id}</Link>
                      ) : (
                        e.source_id
                      )}
                    </Table.Cell>
                    <Table.Cell>
                      {e.code && <Badge size="2xsmall">{e.code}</Badge>} {e.message}
                    </Table.Cell>
                    <Table.Cell>{e.attempts}</Table.Cell>
                    <Table.Cell className="text-right">
                      <Button
                        size="small"
                        variant="secondary"
                        disabled={!can("journal:post")}
                        onClick={() => retry.mutate(e.id)}
                      >
                        Retry now
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

export const config = defineRouteConfig({ label: "Accounting", icon: CurrencyDollar })

export default AccountingOverviewPage
