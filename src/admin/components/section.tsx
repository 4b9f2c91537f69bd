import { Container, Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

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
