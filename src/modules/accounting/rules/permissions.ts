/**
 * The plugin's separation of duties (Sage Intacct's List / View / Add / Post /
 * Void, and the same idea for the rest). Users hold permissions through roles
 * (accounting_role / accounting_role_grant); nothing else is read.
 */
export const ACCOUNTING_PERMISSIONS = [
  "customer_refunds:list",
  "customer_refunds:view",
  "customer_refunds:add",
  "customer_refunds:post",
  "customer_refunds:void",
  "customer_refunds:approve",
  "credit_memos:list",
  "credit_memos:view",
  "credit_memos:add",
  "credit_memos:issue",
  "credit_memos:apply",
  "credit_memos:void",
  "credit_memos:approve",
  "payments:list",
  "payments:view",
  "payments:create",
  "payments:post",
  "payments:void",
  "writeoffs:list",
  "writeoffs:view",
  "writeoffs:create",
  "writeoffs:post",
  "writeoffs:void",
  "writeoffs:approve",
  "credits:apply",
  "deposits:list",
  "deposits:view",
  "deposits:create",
  "deposits:post",
  "deposits:apply",
  "deposits:refund",
  "deposits:void",
  "payouts:list",
  "payouts:import",
  "payouts:post",
  "bank_deposits:list",
  "bank_deposits:create",
  "journal:view",
  "journal:add",
  "journal:post",
  "journal:reverse",
  "periods:manage",
  "settings:view",
  "settings:manage",
  "reports:view",
  "audit:view",
  "access:manage",
] as const
export type AccountingPermission = (typeof ACCOUNTING_PERMISSIONS)[number]

/** What a role may list: a permission, `resource:*`, or `*`. */
export function isPermissionPattern(value: string): boolean {
  if (value === "*") {
    return true
  }
  const [resource, action] = value.split(":")
  return (
    (ACCOUNTING_PERMISSIONS as readonly string[]).includes(value) ||
    (action === "*" && ACCOUNTING_PERMISSIONS.some((p) => p.startsWith(`${resource}:`)))
  )
}

/** True when `granted` (a union of roles' lists) covers `permission`. */
export function grants(granted: readonly string[], permission: AccountingPermission): boolean {
  const [resource] = permission.split(":")
  return granted.includes(permission) || granted.includes(`${resource}:*`) || granted.includes("*")
}

/** Every permission `granted` covers, in the list's order. */
export function expand(granted: readonly string[]): AccountingPermission[] {
  return ACCOUNTING_PERMISSIONS.filter((p) => grants(granted, p))
}
