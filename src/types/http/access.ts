import type { UserRef } from "./common"

/** What the signed-in admin may do in accounting, and why. */
export type AccountingAccess = {
  /** No role granted yet: every admin holds every permission. */
  bootstrap: boolean
  restricted: boolean
  roles: { id: string; name: string }[]
  permissions: string[]
  all_permissions: string[]
}

export type AccountingRole = {
  id: string
  name: string
  description: string | null
  permissions: string[]
  grants: { id: string; user: UserRef | null; granted_by: UserRef | null; created_at: string }[]
}

export type ApprovalDocumentType = "customer_refund" | "credit_memo" | "write_off"

export type AwaitingApproval = {
  document_type: ApprovalDocumentType
  id: string
  number: string | null
  amount: string
  currency_code: string
  customer: { id: string; name: string; email: string | null } | null
  created_by: UserRef | null
  created_at: string
  approval_status: string
}

export type AuditVerifyResult = {
  valid: boolean
  checked: number
  first_broken_id?: string
  first_broken_seq?: number
  reason?: string
}
