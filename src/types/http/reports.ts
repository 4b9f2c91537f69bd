export type ReportName =
  | "ar-aging"
  | "refund-audit"
  | "reconciliation"
  | "trial-balance"
  | "general-ledger"
  | "audit-log"
  | "credit-balances"

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

/** A statement line: opening, document, void or application (applications leave the balance as is). */
export type StatementRow = {
  date: string
  kind: "opening" | "document" | "void" | "application" | "unapplication"
  description: string
  document: string
  due_date: string
  charges: string
  credits: string
  applied: string
  balance: string
  currency_code: string
}

/** GET /admin/customers/:id/statement (JSON): one section per currency; totals hold the closing balance and the aging. */
export type CustomerStatementResponse = {
  report: string
  customer_id: string
  customer: string
  from: string
  to: string
  aging_buckets: string[]
  columns: { key: string; header: string; type?: string }[]
  sections: { name: string; rows: StatementRow[]; totals: Record<string, any>[] }[]
}
