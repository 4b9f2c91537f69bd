// Separation of duties (issue 16): roles and grants in the plugin's tables,
// bootstrap then deny by default, no escalation, approvals, the audit trail.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { readFileSync } from "fs"
import path from "path"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import accountingRolesFromMetadata from "../../src/migration-scripts/accounting-roles-from-metadata"
import { createCustomer } from "../../src/scripts/demo/store-fixture"
import { AdminHeaders, createAdmin, grantPermissions, refused } from "../helpers/admin"
import { creditMemoBody, issueMemo, memoRefundBody } from "../helpers/credit"
import { injectToday } from "../helpers/clock"

const DATE = injectToday("2031-06-30")

jest.setTimeout(240_000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let container: MedusaContainer
    const knex = () => dbConnection as any
    const count = async (table: string) =>
      (await knex().raw(`select count(*)::int as n from ${table}`)).rows[0].n as number
    const accounting = () => container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
    const audit = async (entity_type: string) =>
      (
        await knex().raw(
          `select action, actor_id, before, after from accounting_audit_event where entity_type = ? order by created_at, id`,
          [entity_type]
        )
      ).rows

    beforeEach(() => {
      container = getContainer()
    })

    describe("roles and grants", () => {
      it("lets every admin do everything until the first role is granted (bootstrap)", async () => {
        const admin = await createAdmin(container)
        const { data } = await api.get("/admin/accounting/permissions", admin)
        expect(data).toMatchObject({ bootstrap: true, restricted: false, roles: [] })
        expect(data.permissions).toEqual(data.all_permissions)
        expect(data.permissions).toContain("access:manage")
      })

      it("denies by default once a role is granted, naming the permission and the reason", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const stranger = await createAdmin(container, { email: "stranger@example.com" })
        const role = (
          await api.post("/admin/accounting/roles", { name: "Controller", permissions: ["*"] }, owner)
        ).data.role
        const grant = await api.post("/admin/accounting/role-grants", { user_id: owner.user_id, role_id: role.id }, owner)
        expect(grant.status).toBe(200)
        expect(grant.data.role.grants.map((g: any) => g.user.email)).toEqual(["owner@example.com"])

        const mine = (await api.get("/admin/accounting/permissions", stranger)).data
        expect(mine).toMatchObject({ bootstrap: false, restricted: true, roles: [], permissions: [] })
        const res = await refused(api.get("/admin/credit-memos", stranger))
        expect(res.status).toBe(403)
        expect(res.data).toMatchObject({ code: "PERMISSION_DENIED" })
        expect(res.data.message).toBe(
          "This needs the accounting permission credit_memos:list: you hold no accounting role; ask an accounting access manager"
        )
        expect((await api.get("/admin/credit-memos", owner)).status).toBe(200)
        expect((await api.get("/admin/accounting/permissions", owner)).data).toMatchObject({
          bootstrap: false,
          roles: [{ id: role.id, name: "Controller" }],
        })
      })

      it("refuses a first grant that leaves nobody able to manage access, and removing the last access:manage", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const clerkRole = (
          await api.post("/admin/accounting/roles", { name: "Clerk", permissions: ["customer_refunds:add"] }, owner)
        ).data.role
        const first = await refused(
          api.post("/admin/accounting/role-grants", { user_id: owner.user_id, role_id: clerkRole.id }, owner)
        )
        expect(first).toMatchObject({ status: 409, data: { code: "LAST_ACCESS_MANAGER" } })
        expect(await count("accounting_role_grant")).toBe(0)

        const admins = (
          await api.post("/admin/accounting/roles", { name: "Access", permissions: ["access:manage"] }, owner)
        ).data.role
        const own = (
          await api.post("/admin/accounting/role-grants", { user_id: owner.user_id, role_id: admins.id }, owner)
        ).data.role_grant
        const revoke = await refused(api.delete(`/admin/accounting/role-grants/${own.id}`, owner))
        expect(revoke).toMatchObject({ status: 409, data: { code: "LAST_ACCESS_MANAGER" } })
        const narrow = await refused(
          api.post(`/admin/accounting/roles/${admins.id}`, { permissions: ["reports:view"] }, owner)
        )
        expect(narrow).toMatchObject({ status: 409, data: { code: "LAST_ACCESS_MANAGER" } })
        const drop = await refused(api.delete(`/admin/accounting/roles/${admins.id}`, owner))
        expect(drop).toMatchObject({ status: 409, data: { code: "LAST_ACCESS_MANAGER" } })
        expect((await api.get("/admin/accounting/roles", owner)).data.roles.map((r: any) => r.name)).toEqual([
          "Access",
          "Clerk",
        ])

        // With a second manager, the first may step down.
        const deputy = await createAdmin(container, { email: "deputy@example.com" })
        await api.post("/admin/accounting/role-grants", { user_id: deputy.user_id, role_id: admins.id }, owner)
        expect((await api.delete(`/admin/accounting/role-grants/${own.id}`, owner)).status).toBe(200)
        expect((await refused(api.get("/admin/accounting/roles", owner))).status).toBe(403)
        expect((await api.get("/admin/accounting/roles", deputy)).status).toBe(200)
      })

      it("audits every role and grant change with the user and the values before and after", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const role = (await api.post("/admin/accounting/roles", { name: "Ops", permissions: ["*"] }, owner)).data.role
        await api.post(`/admin/accounting/roles/${role.id}`, { description: "Operations" }, owner)
        const grant = (
          await api.post("/admin/accounting/role-grants", { user_id: owner.user_id, role_id: role.id }, owner)
        ).data.role_grant
        expect(await audit("role")).toEqual([
          {
            action: "create",
            actor_id: owner.user_id,
            before: null,
            after: { id: role.id, name: "Ops", description: null, permissions: ["*"] },
          },
          {
            action: "update",
            actor_id: owner.user_id,
            before: { id: role.id, name: "Ops", description: null, permissions: ["*"] },
            after: { id: role.id, name: "Ops", description: "Operations", permissions: ["*"] },
          },
        ])
        expect(await audit("role_grant")).toEqual([
          {
            action: "grant",
            actor_id: owner.user_id,
            before: null,
            after: { id: grant.id, user_id: owner.user_id, role_id: role.id, granted_by: owner.user_id, role_name: "Ops" },
          },
        ])
      })

      it("rejects unknown permissions and unknown users with 400/404 and writes nothing", async () => {
        const owner = await createAdmin(container)
        const bad = await refused(api.post("/admin/accounting/roles", { name: "X", permissions: ["refunds:steal"] }, owner))
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("permissions.0: must be an accounting permission")
        const role = (await api.post("/admin/accounting/roles", { name: "All", permissions: ["*"] }, owner)).data.role
        const nobody = await refused(api.post("/admin/accounting/role-grants", { user_id: "user_nope", role_id: role.id }, owner))
        expect(nobody.status).toBe(404)
        const dup = await refused(api.post("/admin/accounting/roles", { name: "all", permissions: [] }, owner))
        expect(dup.status).toBe(422)
        expect(await count("accounting_role")).toBe(1)
      })

      it("moves metadata permission lists into roles once, at upgrade", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const clerk = await createAdmin(container, {
          email: "clerk@example.com",
          metadata: { accounting_permissions: ["customer_refunds:list", "customer_refunds:add", "bogus:thing"] },
        })
        const poster = await createAdmin(container, {
          email: "poster@example.com",
          metadata: { accounting_permissions: ["customer_refunds:*"] },
        })
        await accountingRolesFromMetadata({ container })
        const access = async (h: AdminHeaders) => (await api.get("/admin/accounting/permissions", h)).data
        expect(await access(owner)).toMatchObject({ bootstrap: false, roles: [{ name: "Full access (migrated)" }] })
        expect((await access(owner)).permissions).toContain("access:manage")
        expect((await access(clerk)).permissions).toEqual(["customer_refunds:list", "customer_refunds:add"])
        expect((await access(poster)).permissions).toEqual([
          "customer_refunds:list",
          "customer_refunds:view",
          "customer_refunds:add",
          "customer_refunds:post",
          "customer_refunds:void",
          "customer_refunds:approve",
        ])
        // Run again (another instance, or a re-run): nothing changes.
        await accountingRolesFromMetadata({ container })
        expect(await count("accounting_role_grant")).toBe(3)
        expect(await count("accounting_role")).toBe(3)
      })

      it("keeps a store whose users had no lists in bootstrap after the upgrade", async () => {
        await createAdmin(container)
        await accountingRolesFromMetadata({ container })
        expect(await count("accounting_role")).toBe(0)
      })
    })

    describe("no escalation", () => {
      let owner: AdminHeaders
      let clerk: AdminHeaders
      beforeEach(async () => {
        owner = await createAdmin(container, { email: "owner@example.com", permissions: ["*"] })
        clerk = await createAdmin(container, {
          email: "clerk@example.com",
          permissions: ["customer_refunds:list", "customer_refunds:view", "customer_refunds:add"],
        })
      })

      it("ignores permissions a clerk writes into their own user metadata", async () => {
        const res = await api.post(
          `/admin/users/${clerk.user_id}`,
          { metadata: { accounting_permissions: ["*"] } },
          clerk
        )
        expect(res.status).toBe(200)
        const denied = await refused(api.post("/admin/customer-refunds/cref_x/post", {}, clerk))
        expect(denied).toMatchObject({ status: 403, data: { code: "PERMISSION_DENIED" } })
        expect(denied.data.message).toContain("customer_refunds:post")
        expect((await api.get("/admin/accounting/permissions", clerk)).data.permissions).not.toContain(
          "customer_refunds:post"
        )
      })

      it("gives an invited admin nothing in accounting", async () => {
        const invite = (await api.post("/admin/invites", { email: "new@example.com" }, clerk)).data.invite
        const register = await api.post("/auth/user/emailpass/register", {
          email: "new@example.com",
          password: "secret-password",
        })
        const accepted = await api.post(
          `/admin/invites/accept?token=${invite.token}`,
          { email: "new@example.com", first_name: "New", last_name: "Admin" },
          { headers: { authorization: `Bearer ${register.data.token}` } }
        )
        const login = await api.post("/auth/user/emailpass", { email: "new@example.com", password: "secret-password" })
        const newcomer = { headers: { authorization: `Bearer ${login.data.token}` } }
        expect(accepted.status).toBe(200)
        expect((await api.get("/admin/accounting/permissions", newcomer)).data).toMatchObject({
          bootstrap: false,
          permissions: [],
        })
        expect((await refused(api.get("/admin/customer-refunds", newcomer))).status).toBe(403)
      })

      it("refuses roles and grants to anyone without access:manage, including to themself", async () => {
        const role = (await api.get("/admin/accounting/roles", owner)).data.roles.find((r: any) => r.name.includes("clerk"))
        for (const attempt of [
          api.post("/admin/accounting/roles", { name: "Mine", permissions: ["*"] }, clerk),
          api.post(`/admin/accounting/roles/${role.id}`, { permissions: ["*"] }, clerk),
          api.post("/admin/accounting/role-grants", { user_id: clerk.user_id, role_id: role.id }, clerk),
          api.delete(`/admin/accounting/role-grants/${role.grants[0].id}`, clerk),
          api.delete(`/admin/accounting/roles/${role.id}`, clerk),
        ]) {
          const res = await refused(attempt)
          expect({ status: res.status, message: res.data.message }).toEqual({
            status: 403,
            message: expect.stringContaining("This needs the accounting permission access:manage"),
          })
        }
        expect((await api.get(`/admin/accounting/roles/${role.id}`, owner)).data.role.permissions).toEqual([
          "customer_refunds:list",
          "customer_refunds:view",
          "customer_refunds:add",
        ])
      })

      const spec = JSON.parse(readFileSync(path.join(__dirname, "../../docs/openapi.json"), "utf8"))
      const operations = Object.entries(spec.paths).flatMap(([p, ops]: [string, any]) =>
        Object.entries(ops).map(([method, op]: [string, any]) => ({
          method,
          url: p.replace(/\{[^}]+\}/g, "x_1"),
          permission: op["x-accounting-permission"] as string | undefined,
        }))
      )

      it("declares a permission on every plugin route but the caller's own permissions", () => {
        expect(operations.filter((o) => !o.permission).map((o) => `${o.method} ${o.url}`)).toEqual([
          "get /admin/accounting/permissions",
        ])
      })

      it(`refuses each of the ${operations.length} plugin operations to a user lacking its permission (403 naming it)`, async () => {
        const guarded = operations.filter((o) => o.permission)
        expect(guarded.length).toBeGreaterThanOrEqual(50)
        for (const o of guarded) {
          const needed = o.permission!.split(" or ")
          const [resource] = needed[0].split(":")
          // Everything else of the same resource, and every other resource.
          const others = (
            await api.get("/admin/accounting/permissions", owner)
          ).data.all_permissions.filter((p: string) => !needed.includes(p))
          const user = await createAdmin(container, {
            email: `${o.method}${o.url.replace(/[^a-z0-9]/g, "")}@example.com`,
            permissions: others,
          })
          const send = (api as any)[o.method](o.url, ...(o.method === "post" ? [{}, user] : [user]))
          const res = await refused(send)
          expect({ op: `${o.method} ${o.url}`, status: res.status, code: res.data.code, resource }).toEqual({
            op: `${o.method} ${o.url}`,
            status: 403,
            code: "PERMISSION_DENIED",
            resource,
          })
          expect(res.data.message).toContain(`This needs the accounting permission ${o.permission}`)
        }
      })
    })
  },
})
