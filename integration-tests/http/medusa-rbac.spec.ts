// With MEDUSA_FF_RBAC on (issue 16, part 6): Medusa's own roles enforce the
// policies our routes declare, on top of the plugin's roles; our permissions
// are listed as Medusa policies for its role screens.
process.env.MEDUSA_FF_RBAC = "true"

import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"
import { ACCOUNTING_PERMISSIONS } from "../../src/modules/accounting/rules/permissions"
import { createAdmin, refused } from "../helpers/admin"

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let container: MedusaContainer
    beforeEach(() => {
      container = getContainer()
    })

    /** The admin's token carrying Medusa RBAC roles, as Medusa's login puts them in app_metadata. */
    const withRoles = async (policyKeys: string[]) => {
      const rbac: any = container.resolve(Modules.RBAC)
      const admin = await createAdmin(container, { email: `rbac-${policyKeys.length}-${Date.now()}@example.com` })
      const role = await rbac.createRbacRoles({ name: `Role ${policyKeys.join(" ") || "empty"} ${Date.now()}` })
      const policies = policyKeys.length ? await rbac.listRbacPolicies({ key: policyKeys }) : []
      expect(policies.map((p: any) => p.key).sort()).toEqual([...policyKeys].sort())
      if (policies.length) {
        await rbac.createRbacRolePolicies(policies.map((p: any) => ({ role_id: role.id, policy_id: p.id })))
      }
      const { exp: _exp, iat: _iat, ...claims } = jwt.decode(admin.headers.authorization.slice("Bearer ".length)) as Record<
        string,
        unknown
      >
      const token = jwt.sign(
        { ...claims, app_metadata: { user_id: admin.user_id, roles: [role.id] } },
        process.env.JWT_SECRET ?? "supersecret",
        { expiresIn: "1d" }
      )
      return { headers: { authorization: `Bearer ${token}` } }
    }

    it("lists every accounting permission as a Medusa policy", async () => {
      const rbac: any = container.resolve(Modules.RBAC)
      const keys = (await rbac.listRbacPolicies({ resource: { $like: "accounting_%" } }, { take: 500 })).map(
        (p: any) => p.key
      )
      expect(keys.length).toBe(ACCOUNTING_PERMISSIONS.length)
      expect(keys).toEqual(expect.arrayContaining(["accounting_customer_refunds:list", "accounting_writeoffs:approve"]))
    })

    it("refuses a route to a Medusa role without its policy and allows it with the policy", async () => {
      const none = await refused(api.get("/admin/customer-refunds", await withRoles([])))
      expect(none.status).toBe(403)
      const other = await refused(api.get("/admin/customer-refunds", await withRoles(["accounting_credit_memos:list"])))
      expect(other.status).toBe(403)
      expect(other.data.message).toContain("accounting_customer_refunds:list")
      const allowed = await api.get("/admin/customer-refunds", await withRoles(["accounting_customer_refunds:list"]))
      expect(allowed.status).toBe(200)
      expect(allowed.data).toMatchObject({ customer_refunds: [], count: 0 })
    })
  },
})
