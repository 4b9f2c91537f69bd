import { AccountingError, AccountingErrorCode } from "../../modules/accounting/errors"

/** Per expected status, the code refusing each other status (IMMUTABLE if unlisted). */
export type StatusRefusals = Record<string, Record<string, AccountingErrorCode>>

/** Refuses a document not in the status a workflow expects, with a stable code. */
export function assertStatus(
  label: string,
  doc: { id: string; number?: string | null; status: string },
  expected: string,
  refusals: StatusRefusals,
  refusalCode?: AccountingErrorCode
) {
  if (doc.status !== expected) {
    throw new AccountingError(
      refusalCode ?? refusals[expected]?.[doc.status] ?? "IMMUTABLE",
      `${label} ${doc.number ?? doc.id} is ${doc.status}`
    )
  }
}
