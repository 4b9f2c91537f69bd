import type { DataTableFilteringState, DataTablePaginationState } from "@medusajs/ui"
import { useMemo, useState } from "react"
import { useSearchParams } from "react-router-dom"

/** A filter value kept in the URL: a plain string, or JSON for a date range or several values. */
const encode = (value: unknown): string | null => {
  if (value === undefined || value === null || value === "") {
    return null
  }
  if (Array.isArray(value) && !value.length) {
    return null
  }
  return typeof value === "string" ? value : JSON.stringify(value)
}

const decode = (text: string | null): unknown => {
  if (text === null) {
    return undefined
  }
  if (text.startsWith("{") || text.startsWith("[")) {
    try {
      return JSON.parse(text)
    } catch {
      return undefined
    }
  }
  return text
}

/** A day picked in the browser (an ISO moment at local midnight) as the API's YYYY-MM-DD. */
export function localDay(iso: string | undefined): string | undefined {
  if (!iso) {
    return undefined
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) {
    return iso
  }
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) {
    return undefined
  }
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`
}

/**
 * Search, filters and page of a DataTable kept in the URL (so a filtered
 * list can be bookmarked, shared and survives a reload), as the table's
 * state and as the API query. A new search or filter starts at page one.
 * `prefix` keeps two lists on one page apart.
 */
export function useListState({
  pageSize,
  filterIds = [],
  extraIds = [],
  prefix = "",
}: {
  pageSize: number
  /** Filters of the table's own filter menu. */
  filterIds?: string[]
  /** Filters set by other controls (pickers), kept in the URL the same way. */
  extraIds?: string[]
  prefix?: string
}) {
  const [params, setParams] = useSearchParams()
  // A filter just added from the menu has no value yet: it lives here until one is chosen.
  const [pending, setPending] = useState<string[]>([])
  const key = (name: string) => `${prefix}${name}`
  const q = params.get(key("q")) ?? ""
  const offset = Math.max(0, Number(params.get(key("offset")) ?? 0) || 0)
  const filtering = useMemo(() => {
    const state: DataTableFilteringState = {}
    for (const id of filterIds) {
      const value = decode(params.get(key(id)))
      if (value !== undefined) {
        state[id] = value
      }
    }
    for (const id of pending) {
      if (!(id in state)) {
        state[id] = null
      }
    }
    return state
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params.toString(), filterIds.join(","), pending.join(",")])

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current)
        for (const [name, value] of Object.entries(changes)) {
          if (value === null || value === "") {
            next.delete(key(name))
          } else {
            next.set(key(name), value)
          }
        }
        return next
      },
      { replace: true }
    )

  const extras = Object.fromEntries(extraIds.map((id) => [id, params.get(key(id)) ?? ""]))

  return {
    q,
    offset,
    extras,
    pageSize,
    filtering,
    search: { state: q, onSearchChange: (value: string) => update({ q: value, offset: null }) },
    pagination: {
      state: { pageIndex: Math.floor(offset / pageSize), pageSize } as DataTablePaginationState,
      onPaginationChange: (state: DataTablePaginationState) =>
        update({ offset: state.pageIndex ? String(state.pageIndex * state.pageSize) : null }),
    },
    filteringProps: {
      state: filtering,
      onFilteringChange: (state: DataTableFilteringState) => {
        setPending(filterIds.filter((id) => id in state && encode(state[id]) === null))
        update({
          ...Object.fromEntries(filterIds.map((id) => [id, encode(state[id])])),
          offset: null,
        })
      },
    },
    /** Sets (or clears, with "" or null) a filter kept outside the table's own filter menu, e.g. a picker. */
    setExtra: (id: string, value: string | null) => update({ [id]: value || null, offset: null }),
    /** The list query every page sends: search, page, limit. */
    page: { q: q || undefined, offset, limit: pageSize },
  }
}

export type ListState = ReturnType<typeof useListState>
