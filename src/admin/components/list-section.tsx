import { Container, DataTable, Heading, Text, type UseDataTableReturn } from "@medusajs/ui"
import type { ReactNode } from "react"
import { LoadError } from "./section"

/**
 * A list page's card on Medusa's DataTable: title, filter menu and search in
 * the toolbar (state in the URL, see useListState), the table, pagination,
 * and an error in place of the table when the list cannot load.
 */
export function ListSection<T>({
  title,
  subtitle,
  table,
  query,
  what,
  searchPlaceholder,
  emptyText,
  actions,
  below,
  "data-testid": testId,
}: {
  title: string
  subtitle?: string
  table: UseDataTableReturn<T>
  query: { error: unknown; refetch: () => unknown }
  what: string
  searchPlaceholder?: string
  emptyText: string
  actions?: ReactNode
  /** Controls under the toolbar (pickers kept in the URL like the filters). */
  below?: ReactNode
  "data-testid"?: string
}) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex flex-col items-start justify-between gap-2 px-6 py-4 md:flex-row md:items-center">
          <div>
            <Heading level="h2">{title}</Heading>
            {subtitle && (
              <Text size="small" className="text-ui-fg-subtle">
                {subtitle}
              </Text>
            )}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            {actions}
            {/* A list without filters of its own (payouts) shows no empty filter menu. */}
            {table.enableFiltering && table.getFilters().length > 0 && (
              <div data-testid="filter-menu">
                <DataTable.FilterMenu tooltip="Add filter" />
              </div>
            )}
            {table.enableSearch && <DataTable.Search placeholder={searchPlaceholder ?? "Search"} />}
          </div>
        </DataTable.Toolbar>
        {below}
        {query.error ? (
          <LoadError error={query.error} what={what} onRetry={() => query.refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: emptyText },
              filtered: { heading: "Nothing matches", description: "Change the search or the filters." },
            }}
          />
        )}
        {table.enablePagination && <DataTable.Pagination />}
      </DataTable>
    </Container>
  )
}
