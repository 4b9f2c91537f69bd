import { useDataTable } from "@medusajs/ui"
import type { useListState } from "./list-filters"

type Options<T> = Parameters<typeof useDataTable<T>>[0]

/** A list page's DataTable: rows by id, with the search, filters and page `state` keeps in the URL. */
export function useListTable<T extends { id: string }>({
  state,
  ...options
}: Omit<Options<T>, "getRowId" | "filtering" | "search" | "pagination"> & {
  state: ReturnType<typeof useListState>
}) {
  return useDataTable<T>({
    getRowId: (row) => row.id,
    filtering: state.filteringProps,
    search: state.search,
    pagination: state.pagination,
    ...options,
  })
}
