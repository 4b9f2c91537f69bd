import { useState } from "react"

/**
 * Search text, status and page of a paged list, and the query they make:
 * "all" sends no status, and a new status or search starts again at the first page.
 */
export function useListFilters(pageSize: number) {
  const [status, setStatus] = useState("all")
  const [q, setQ] = useState("")
  const [page, setPage] = useState(0)
  return {
    status,
    setStatus: (value: string) => {
      setStatus(value)
      setPage(0)
    },
    q,
    setQ: (value: string) => {
      setQ(value)
      setPage(0)
    },
    page,
    setPage,
    pageSize,
    query: {
      status: status === "all" ? undefined : status,
      q: q || undefined,
      offset: page * pageSize,
      limit: pageSize,
    },
  }
}

export type ListFilters = ReturnType<typeof useListFilters>
