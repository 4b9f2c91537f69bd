import middlewares from "../middlewares"
import { accountingPolicies } from "../../policies/accounting"
import { ACCOUNTING_PERMISSIONS } from "../../modules/accounting/rules/permissions"

describe("Medusa RBAC policies", () => {
  // Endpoints only: the money wire format's middlewares match every method of a path family.
  const routes = ((middlewares as any).routes as { matcher: string; methods?: string[]; policies?: unknown }[]).filter(
    (r) => r.methods?.length
  )

  it("declares a policy on every route but the caller's own permissions", () => {
    const without = routes.filter((r) => !r.policies).map((r) => r.matcher)
    expect(without).toEqual(["/admin/accounting/permissions"])
    const post = routes.find((r) => r.matcher === "/admin/customer-refunds/:id/post")
    expect(post?.policies).toEqual([{ resource: "accounting_customer_refunds", operation: "post" }])
  })

  it("defines one policy per accounting permission for Medusa's role screens", () => {
    expect(accountingPolicies.policies).toHaveLength(ACCOUNTING_PERMISSIONS.length)
    expect(accountingPolicies.policies).toContainEqual({
      name: "AccessManage",
      resource: "accounting_access",
      operation: "manage",
      description: "Accounting: access manage",
    })
  })
})
