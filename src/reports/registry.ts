import { arAgingReport } from "./definitions/ar-aging"
import { auditLogReport } from "./definitions/audit-log"
import { creditBalancesReport } from "./definitions/credit-balances"
import { generalLedgerReport } from "./definitions/general-ledger"
import { reconciliationReport } from "./definitions/reconciliation"
import { refundAuditReport } from "./definitions/refund-audit"
import { trialBalanceReport } from "./definitions/trial-balance"

/** Every report the API and the admin offer, by its URL name. */
export const REPORTS = {
  "ar-aging": arAgingReport,
  "refund-audit": refundAuditReport,
  reconciliation: reconciliationReport,
  "trial-balance": trialBalanceReport,
  "general-ledger": generalLedgerReport,
  "audit-log": auditLogReport,
  "credit-balances": creditBalancesReport,
} as const

export type ReportName = keyof typeof REPORTS

/** Reports over a date range (`from`..`to`); the others are as of a day. */
export const PERIOD_REPORTS = new Set<string>(["refund-audit", "general-ledger", "audit-log"])

/** The permission a report needs when it is not reports:view. */
export const REPORT_PERMISSIONS: Record<string, "audit:view"> = { "audit-log": "audit:view" }
