export type ReportName =
  "ar-aging" | "refund-audit" | "reconciliation" | "trial-balance" | "general-ledger" | "audit-log" | "credit-balances"

export type ReportSection = { name: string; rows: Record<string, any>[]; totals: Record<string, any>[] }

export type ReportResponse = {
  report: string
  columns: { key: string; header: string; type?: string }[]
  sections: ReportSection[]
  reconciled?: boolean
  differences?: number
  buckets?: string[]
  [key: string]: unknown
}
