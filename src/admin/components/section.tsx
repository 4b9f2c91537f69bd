import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { Money } from "./money"
import { DocumentStatus } from "./status"

/** A titled card like Medusa's own sections, with room for actions. */
export const Section = ({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string
  subtitle?: string
  actions?: ReactNode
  children: ReactNode
}) => (
  <Container className="divide-y p-0">
    <div className="flex items-center justify-between gap-x-4 px-6 py-4">
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

export const Loading = () => (
  <div className="px-6 py-6">
    <Text size="small" className="text-ui-fg-muted">
      Loading…
    </Text>
  </div>
)

/** Loading…, the empty text, or the list itself: the three states of every list section. */
export function ListState<T extends { count: number }>({
  query,
  empty,
  children,
}: {
  query: { isLoading: boolean; data?: T }
  empty: ReactNode
  children: (data: T) => ReactNode
}) {
  if (query.isLoading) {
    return <Loading />
  }
  if (!query.data) {
    return null
  }
  return query.data.count ? <>{children(query.data)}</> : <Empty>{empty}</Empty>
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
  label: string
  amount: number | string
  currency: string
  status: string
}) => (
  <div className="flex items-center justify-between">
    <Text size="small">{label}</Text>
    <div className="flex items-center gap-x-2">
      <Money amount={amount} currency={currency} />
      <DocumentStatus status={status} />
    </div>
  </div>
)
