import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton, Input, Select, Table } from "@medusajs/ui"
import type { ReactNode } from "react"
import type { ListFilters } from "../hooks/list-filters"
import { ListState } from "./section"

/** The search box and status filter of a list section (other actions, if any, come first). */
export const ListFilterBar = ({
  filters,
  placeholder,
  statuses,
  children,
}: {
  filters: ListFilters
  placeholder: string
  /** The statuses to filter by, besides "All statuses". */
  statuses: string[]
  children?: ReactNode
}) => (
  <div className="flex gap-x-2">
    {children}
    <Input
      size="small"
      placeholder={placeholder}
      value={filters.q}
      onChange={(e) => filters.setQ(e.target.value)}
    />
    <Select size="small" value={filters.status} onValueChange={filters.setStatus}>
      <Select.Trigger>
        <Select.Value />
      </Select.Trigger>
      <Select.Content>
        {["all", ...statuses].map((s) => (
          <Select.Item key={s} value={s}>
            {s === "all" ? "All statuses" : s}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  </div>
)

/** A paged list section's body: Loading…, the empty text, or the table with its pagination. */
export function PagedList<T extends { count: number }>({
  query,
  filters,
  empty,
  children,
}: {
  query: { isLoading: boolean; data?: T }
  filters: ListFilters
  empty: ReactNode
  children: (data: T) => ReactNode
}) {
  return (
    <ListState query={query} empty={empty}>
      {(data) => (
        <>
          {children(data)}
          <ListPagination filters={filters} count={data.count} />
        </>
      )}
    </ListState>
  )
}

/** Previous / next under a list, driven by the same filters. */
const ListPagination = ({ filters, count }: { filters: ListFilters; count: number }) => {
  const { page, pageSize, setPage } = filters
  return (
    <Table.Pagination
      count={count}
      pageSize={pageSize}
      pageIndex={page}
      pageCount={Math.ceil(count / pageSize)}
      canPreviousPage={page > 0}
      canNextPage={(page + 1) * pageSize < count}
      previousPage={() => setPage((p) => p - 1)}
      nextPage={() => setPage((p) => p + 1)}
    />
  )
}

/** The "…" menu at the end of a row; children are its DropdownMenu.Items. */
export const RowActions = ({
  children,
  "data-testid": testId,
}: {
  children: ReactNode
  "data-testid"?: string
}) => (
  <DropdownMenu>
    <DropdownMenu.Trigger asChild>
      <IconButton size="small" variant="transparent" data-testid={testId}>
        <EllipsisHorizontal />
      </IconButton>
    </DropdownMenu.Trigger>
    <DropdownMenu.Content>{children}</DropdownMenu.Content>
  </DropdownMenu>
)
