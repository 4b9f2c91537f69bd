import { Alert, Button, Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { errorMessage } from "../lib/errors"
import type { MoneyValue } from "../lib/money"
import { Money } from "./money"
import { DocumentStatus } from "./status"

/** A titled card like Medusa's own sections, with room for actions. */
export const Section = ({
  title,
  subtitle,
  actions,
  children,
  "data-testid": testId,
}: {
  title: string
  subtitle?: string
  actions?: ReactNode
  children: ReactNode
  "data-testid"?: string
}) => (
  <Container className="divide-y p-0" data-testid={testId}>
    <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 px-6 py-4">
      <div>
        <Heading level="h2">{title}</Heading>
        {subtitle && (
          <Text size="small" className="text-ui-fg-subtle">
            {subtitle}
          </Text>
        )}
      </div>
      {actions && <div className="flex items-center gap-x-2">{actions}</div>}
    </div>
    {children}
  </Container>
)

export const Empty = ({ children }: { children: ReactNode }) => (
  <div className="px-6 py-6">
    <Text size="small" className="text-ui-fg-muted">
      {children}
    </Text>
  </div>
)

export const Loading = ({ what = "Loading…" }: { what?: string }) => (
  <div className="px-6 py-6" aria-busy="true">
    <Text size="small" className="text-ui-fg-muted">
      {what}
    </Text>
  </div>
)

/** A list or widget that could not load says so (and offers a retry) instead of vanishing. */
export const LoadError = ({
  error,
  what,
  onRetry,
}: {
  error: unknown
  what: string
  onRetry?: () => void
}) => (
  <div className="px-6 py-4" data-testid="load-error">
    <Alert variant="error">
      <div className="flex items-center justify-between gap-x-4">
        <Text size="small">
          {what} could not be loaded: {errorMessage(error)}
        </Text>
        {onRetry && (
          <Button size="small" variant="secondary" onClick={onRetry}>
            Retry
          </Button>
        )}
      </div>
    </Alert>
  </div>
)

/** Loading…, the error, the empty text, or the content: the states of every section body. */
export function QueryState<T>({
  query,
  what,
  isEmpty,
  empty,
  children,
}: {
  query: { isLoading: boolean; error: unknown; data?: T; refetch: () => unknown }
  what: string
  isEmpty?: (data: T) => boolean
  empty?: ReactNode
  children: (data: T) => ReactNode
}) {
  if (query.isLoading) {
    return <Loading />
  }
  if (query.error || !query.data) {
    return <LoadError error={query.error} what={what} onRetry={() => query.refetch()} />
  }
  if (isEmpty?.(query.data)) {
    return <Empty>{empty}</Empty>
  }
  return <>{children(query.data)}</>
}

/** A small titled block inside a section (the widgets' lists). */
export const SubSection = ({
  title,
  children,
  "data-testid": testId,
}: {
  title: string
  children: ReactNode
  "data-testid"?: string
}) => (
  <div className="flex flex-col gap-y-1 px-6 py-4" data-testid={testId}>
    <Text size="small" weight="plus">
      {title}
    </Text>
    {children}
  </div>
)

/** One credit memo or refund in a SubSection: what it is, its amount and status. */
export const DocumentLine = ({
  label,
  amount,
  currency,
  status,
}: {
  label: ReactNode
  amount: MoneyValue
  currency: string
  status: string
}) => (
  <div className="flex items-center justify-between gap-x-2">
    <Text size="small">{label}</Text>
    <div className="flex items-center gap-x-2">
      <Money amount={amount} currency={currency} />
      <DocumentStatus status={status} />
    </div>
  </div>
)
