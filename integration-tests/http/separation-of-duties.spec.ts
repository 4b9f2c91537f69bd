// Separation of duties (issue 16): roles and grants in the plugin's tables,
// bootstrap then deny by default, no escalation, approvals, the audit trail.
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { readFileSync } from "fs"
import path from "path"
import { ACCOUNTING_MODULE } from "../../src/modules/accounting"
import type AccountingModuleService from "../../src/modules/accounting/service"
import accountingRolesFromMetadata from "../../src/migration-scripts/accounting-roles-from-metadata"
import { createCustomer } from "../../dev/demo/store-fixture"
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
        const grant = await api.post(
          "/admin/accounting/role-grants",
          { user_id: owner.user_id, role_id: role.id },
          owner
        )
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
          await api.post(
            "/admin/accounting/roles",
            { name: "Clerk", permissions: ["customer_refunds:add"] },
            owner
          )
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
          await api.post(
            "/admin/accounting/role-grants",
            { user_id: owner.user_id, role_id: admins.id },
            owner
          )
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
        await api.post(
          "/admin/accounting/role-grants",
          { user_id: deputy.user_id, role_id: admins.id },
          owner
        )
        expect((await api.delete(`/admin/accounting/role-grants/${own.id}`, owner)).status).toBe(200)
        expect((await refused(api.get("/admin/accounting/roles", owner))).status).toBe(403)
        expect((await api.get("/admin/accounting/roles", deputy)).status).toBe(200)
      })

      it("audits every role and grant change with the user and the values before and after", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const role = (await api.post("/admin/accounting/roles", { name: "Ops", permissions: ["*"] }, owner))
          .data.role
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
            after: {
              id: grant.id,
              user_id: owner.user_id,
              role_id: role.id,
              granted_by: owner.user_id,
              role_name: "Ops",
            },
          },
        ])
      })

      it("rejects unknown permissions and unknown users with 400/404 and writes nothing", async () => {
        const owner = await createAdmin(container)
        const bad = await refused(
          api.post("/admin/accounting/roles", { name: "X", permissions: ["refunds:steal"] }, owner)
        )
        expect(bad.status).toBe(400)
        expect(bad.data.message).toContain("permissions.0: must be an accounting permission")
        const role = (await api.post("/admin/accounting/roles", { name: "All", permissions: ["*"] }, owner))
          .data.role
        const nobody = await refused(
          api.post("/admin/accounting/role-grants", { user_id: "user_nope", role_id: role.id }, owner)
        )
        expect(nobody.status).toBe(404)
        const dup = await refused(
          api.post("/admin/accounting/roles", { name: "all", permissions: [] }, owner)
        )
        expect(dup.status).toBe(422)
        expect(await count("accounting_role")).toBe(1)
      })

      it("moves metadata permission lists into roles once, at upgrade", async () => {
        const owner = await createAdmin(container, { email: "owner@example.com" })
        const clerk = await createAdmin(container, {
          email: "clerk@example.com",
          metadata: {
            accounting_permissions: ["customer_refunds:list", "customer_refunds:add", "bogus:thing"],
          },
        })
        const poster = await createAdmin(container, {
          email: "poster@example.com",
          metadata: { accounting_permissions: ["customer_refunds:*"] },
        })
        await accountingRolesFromMetadata({ container })
        const access = async (h: AdminHeaders) => (await api.get("/admin/accounting/permissions", h)).data
        expect(await access(owner)).toMatchObject({
          bootstrap: false,
          roles: [{ name: "Full access (migrated)" }],
        })
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
        const login = await api.post("/auth/user/emailpass", {
          email: "new@example.com",
          password: "secret-password",
        })
        const newcomer = { headers: { authorization: `Bearer ${login.data.token}` } }
        expect(accepted.status).toBe(200)
        expect((await api.get("/admin/accounting/permissions", newcomer)).data).toMatchObject({
          bootstrap: false,
          permissions: [],
        })
        expect((await refused(api.get("/admin/customer-refunds", newcomer))).status).toBe(403)
      })

      it("refuses roles and grants to anyone without access:manage, including to themself", async () => {
        const role = (await api.get("/admin/accounting/roles", owner)).data.roles.find((r: any) =>
          r.name.includes("clerk")
        )
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
          // "a or b": either suffices; "a and b" (a goodwill refund): both are checked, a first.
          const needed = o.permission!.split(/ or | and /)
          const [resource] = needed[0].split(":")
          // Everything else of the same resource, and every other resource.
          const others = (await api.get("/admin/accounting/permissions", owner)).data.all_permissions.filter(
            (p: string) => !needed.includes(p)
          )
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
          expect(res.data.message).toContain(`This needs the accounting permission ${o.permission!.split(" and ")[0]}`)
        }
      })
    })

    describe("approvals (maker-checker)", () => {
      let owner: AdminHeaders
      let clerk: AdminHeaders
      let approver: AdminHeaders
      let customer_id: string
      let fundingMemo: string
      beforeEach(async () => {
        owner = await createAdmin(container, { email: "owner@example.com", permissions: ["*"] })
        customer_id = (
          await createCustomer(container, { email: "c@example.com", first_name: "Ann", last_name: "Lee" })
        ).id
        // Credit to refund from, issued before any threshold exists.
        fundingMemo = await issueMemo(api, owner, { customer_id, amount: "300", date: DATE })
        clerk = await createAdmin(container, {
          email: "clerk@example.com",
          permissions: [
            "customer_refunds:list",
            "customer_refunds:view",
            "customer_refunds:add",
            "customer_refunds:post",
            "credit_memos:list",
            "credit_memos:view",
            "credit_memos:add",
            "credit_memos:issue",
          ],
        })
        approver = await createAdmin(container, {
          email: "approver@example.com",
          permissions: [
            "customer_refunds:approve",
            "credit_memos:approve",
            "customer_refunds:view",
            "credit_memos:view",
          ],
        })
        await api.post(
          "/admin/accounting/settings",
          { approvals: { customer_refund: { usd: "100" }, credit_memo: { usd: "100.00" } } },
          owner
        )
      })
      const draftMemo = async (amount: string, who: AdminHeaders) =>
        (await api.post("/admin/credit-memos", creditMemoBody({ customer_id, amount, date: DATE }), who)).data
          .credit_memo

      it("issues a memo at the threshold without approval", async () => {
        const memo = await draftMemo("100", clerk)
        expect(memo.approval_status).toBe("not_required")
        const issued = await api.post(`/admin/credit-memos/${memo.id}/issue`, {}, clerk)
        expect(issued.data.credit_memo.status).toBe("issued")
      })

      it("refuses to issue a memo above the threshold until a second user approves it", async () => {
        const memo = await draftMemo("150", clerk)
        expect(memo.approval_status).toBe("pending")
        const refused1 = await refused(api.post(`/admin/credit-memos/${memo.id}/issue`, {}, clerk))
        expect(refused1).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
        expect(refused1.data.message).toContain("needs a second user holding credit_memos:approve")

        const queue = (await api.get("/admin/accounting/approvals", approver)).data
        expect(queue.approvals).toEqual([
          expect.objectContaining({
            document_type: "credit_memo",
            id: memo.id,
            amount: "150.00",
            currency_code: "usd",
            created_by: expect.objectContaining({ id: clerk.user_id, email: "clerk@example.com" }),
            customer: expect.objectContaining({ id: customer_id }),
          }),
        ])
        expect((await refused(api.get("/admin/accounting/approvals", clerk))).status).toBe(403)

        const approved = (await api.post(`/admin/credit-memos/${memo.id}/approve`, {}, approver)).data
          .credit_memo
        expect(approved).toMatchObject({ approval_status: "approved", approved_by: approver.user_id })
        const issued = await api.post(`/admin/credit-memos/${memo.id}/issue`, {}, clerk)
        expect(issued.data.credit_memo).toMatchObject({ status: "issued", approval_status: "approved" })
        expect((await api.get("/admin/accounting/approvals", approver)).data.count).toBe(0)
      })

      it("refuses an approval by the document's creator (SAME_USER_APPROVAL)", async () => {
        const memo = await draftMemo("150", owner)
        const res = await refused(api.post(`/admin/credit-memos/${memo.id}/approve`, {}, owner))
        expect(res).toMatchObject({ status: 403, data: { code: "SAME_USER_APPROVAL" } })
        expect(
          (await api.get(`/admin/credit-memos/${memo.id}`, owner)).data.credit_memo.approval_status
        ).toBe("pending")
        // The database refuses it too.
        const db = await refused(
          knex()
            .raw(
              `update accounting_credit_memo set approval_status = 'approved', approved_by = created_by where id = ?`,
              [memo.id]
            )
            .then(() => ({ status: 200 }))
            .catch((e: any) => Promise.reject({ response: { status: 409, data: { message: e.message } } }))
        )
        expect(db.data.message).toContain("approver_not_creator")
      })

      it("asks for a fresh approval after the approved draft is edited", async () => {
        const memo = await draftMemo("150", clerk)
        await api.post(`/admin/credit-memos/${memo.id}/approve`, {}, approver)
        const edited = await api.post(
          `/admin/credit-memos/${memo.id}`,
          { lines: [{ description: "Allowance", amount: "900" }] },
          clerk
        )
        expect(edited.data.credit_memo).toMatchObject({ approval_status: "pending", approved_by: null })
        expect((await refused(api.post(`/admin/credit-memos/${memo.id}/issue`, {}, clerk))).data.code).toBe(
          "APPROVAL_REQUIRED"
        )
      })

      it("rejects a refund with a reason: it stays a draft that cannot be posted", async () => {
        const refund = (
          await api.post(
            "/admin/customer-refunds",
            memoRefundBody(customer_id, fundingMemo, "150", DATE, { post: false }),
            clerk
          )
        ).data.customer_refund
        expect(refund).toMatchObject({ status: "draft", approval_status: "pending" })
        const rejected = (
          await api.post(
            `/admin/customer-refunds/${refund.id}/reject`,
            { reason: "No proof of return" },
            approver
          )
        ).data.customer_refund
        expect(rejected).toMatchObject({
          approval_status: "rejected",
          rejection_reason: "No proof of return",
          rejected_by: approver.user_id,
        })
        const post = await refused(api.post(`/admin/customer-refunds/${refund.id}/post`, {}, clerk))
        expect(post).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
        expect(post.data.message).toContain("was rejected (No proof of return)")
        // Not even a direct status change gets past the database.
        const db = await knex()
          .raw(`update accounting_customer_refund set status = 'posting' where id = ?`, [refund.id])
          .catch((e: any) => e)
        expect(String(db.message)).toContain("APPROVAL_REQUIRED")
        expect(await audit("customer_refund")).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              action: "reject",
              actor_id: approver.user_id,
              after: { approval_status: "rejected", reason: "No proof of return" },
            }),
          ])
        )
      })

      it("posts a refund above the threshold once approved, and refuses create-and-post without writing anything", async () => {
        const before = await count("accounting_customer_refund")
        const direct = await refused(
          api.post("/admin/customer-refunds", memoRefundBody(customer_id, fundingMemo, "150", DATE), clerk)
        )
        expect(direct).toMatchObject({ status: 409, data: { code: "APPROVAL_REQUIRED" } })
        expect(await count("accounting_customer_refund")).toBe(before)

        const small = await api.post(
          "/admin/customer-refunds",
          memoRefundBody(customer_id, fundingMemo, "100", DATE),
          clerk
        )
        expect(small.data.customer_refund).toMatchObject({
          status: "posted",
          approval_status: "not_required",
        })

        const refund = (
          await api.post(
            "/admin/customer-refunds",
            memoRefundBody(customer_id, fundingMemo, "150", DATE, { post: false }),
            clerk
          )
        ).data.customer_refund
        const own = await refused(api.post(`/admin/customer-refunds/${refund.id}/approve`, {}, clerk))
        expect(own.status).toBe(403) // clerk lacks customer_refunds:approve
        await api.post(`/admin/customer-refunds/${refund.id}/approve`, {}, approver)
        const posted = await api.post(`/admin/customer-refunds/${refund.id}/post`, {}, clerk)
        expect(posted.data.customer_refund).toMatchObject({
          status: "posted",
          approval_status: "approved",
          total: "150.00",
        })
        const again = await refused(api.post(`/admin/customer-refunds/${refund.id}/approve`, {}, approver))
        expect(again).toMatchObject({ status: 409, data: { code: "NOT_AWAITING_APPROVAL" } })
        expect((await audit("customer_refund")).map((a: any) => a.action)).toEqual(
          expect.arrayContaining(["create", "approve", "post"])
        )
      })
    })

    describe("audit log", () => {
      let owner: AdminHeaders
      let customer_id: string
      beforeEach(async () => {
        owner = await createAdmin(container, { email: "owner@example.com", permissions: ["*"] })
        customer_id = (
          await createCustomer(container, { email: "a@example.com", first_name: "Al", last_name: "Bo" })
        ).id
      })

      it("records each action with its user, refuses edits and deletes, and verify finds an edited row", async () => {
        const memo = await issueMemo(api, owner, { customer_id, amount: "40", date: DATE })
        await api.post("/admin/accounting/settings", { approvals: { credit_memo: { usd: "1000" } } }, owner)
        const account = (
          await api.post(
            "/admin/accounting/accounts",
            { code: "1990", name: "Petty cash", type: "asset" },
            owner
          )
        ).data.account
        await api.post(`/admin/accounting/accounts/${account.id}`, { name: "Petty cash box" }, owner)
        await api.post(`/admin/credit-memos/${memo}/void`, { date: DATE }, owner)

        const rows = (
          await knex().raw(
            `select entity_type, action, actor_id, before, after from accounting_audit_event
              where entity_type in ('credit_memo', 'settings', 'account') and action <> 'apply_options' order by created_at, id`
          )
        ).rows
        expect(rows.map((r: any) => [r.entity_type, r.action, r.actor_id === owner.user_id])).toEqual([
          ["credit_memo", "create", true],
          ["credit_memo", "issue", true],
          ["settings", "update", true],
          ["account", "create", true],
          ["account", "update", true],
          ["credit_memo", "void", true],
        ])
        expect(rows[2]).toMatchObject({
          before: { approvals: {} },
          after: { approvals: { credit_memo: { usd: "1000" } } },
        })
        expect(rows[4]).toMatchObject({
          before: { code: "1990", name: "Petty cash" },
          after: { code: "1990", name: "Petty cash box" },
        })

        const verified = (await api.get("/admin/accounting/audit-log/verify", owner)).data
        expect(verified).toMatchObject({ valid: true })
        expect(verified.checked).toBeGreaterThanOrEqual(7)

        const [target] = (
          await knex().raw(
            `select id from accounting_audit_event where entity_type = 'account' and action = 'update'`
          )
        ).rows
        for (const sql of [
          `update accounting_audit_event set after = '{"name":"Bank"}' where id = ?`,
          `delete from accounting_audit_event where id = ?`,
        ]) {
          const err = await knex()
            .raw(sql, [target.id])
            .catch((e: any) => e)
          expect(String(err.message)).toContain(`IMMUTABLE: audit event ${target.id}`)
        }
        // Someone with the power to switch the guard off edits the row: the chain shows it.
        await knex().raw(`alter table accounting_audit_event disable trigger accounting_guard_audit_event`)
        await knex().raw(
          `update accounting_audit_event set after = '{"code":"1990","name":"Bank"}' where id = ?`,
          [target.id]
        )
        await knex().raw(`alter table accounting_audit_event enable trigger accounting_guard_audit_event`)
        expect((await api.get("/admin/accounting/audit-log/verify", owner)).data).toMatchObject({
          valid: false,
          first_broken_id: target.id,
          reason: "content does not match its hash",
        })
      })

      it("lists and downloads the log with filters (user, action, record, dates) as JSON, CSV and XLSX", async () => {
        const clerk = await createAdmin(container, {
          email: "clerk@example.com",
          permissions: ["credit_memos:*"],
        })
        await issueMemo(api, clerk, { customer_id, amount: "12.50", date: DATE })
        await issueMemo(api, owner, { customer_id, amount: "7", date: DATE })
        const url = `/admin/accounting/reports/audit-log?from=2000-01-01&to=2999-12-31&actor_id=${clerk.user_id}&entity_type=credit_memo`
        const json = (await api.get(url, owner)).data
        expect(json.sections[0].rows.map((r: any) => [r.user, r.action, r.entity_type])).toEqual([
          ["Test Admin", "create", "credit_memo"],
          ["Test Admin", "issue", "credit_memo"],
        ])
        expect(JSON.parse(json.sections[0].rows[0].after)).toMatchObject({ currency_code: "usd", total: "12.5" })
        const issueOnly = (await api.get(`${url}&action=issue`, owner)).data.sections[0].rows
        expect(issueOnly).toHaveLength(1)
        const none = (await api.get(url.replace("to=2999-12-31", "to=2001-01-01"), owner)).data
        expect(none.sections.flatMap((x: any) => x.rows)).toEqual([])

        const csv = await api.get(`${url}&format=csv`, owner)
        expect(csv.headers["content-type"]).toContain("text/csv")
        expect(csv.headers["content-disposition"]).toContain("audit-log")
        const lines = String(csv.data).trim().split(/\r?\n/)
        expect(lines[0]).toContain("Time (UTC),User,Action,Record,Id")
        expect(lines.filter((l) => l.includes(",issue,credit_memo,"))).toHaveLength(1)
        const xlsx = await api.get(`${url}&format=xlsx`, { ...owner, responseType: "arraybuffer" })
        expect(xlsx.headers["content-type"]).toContain("spreadsheetml")
        expect(Buffer.from(xlsx.data).subarray(0, 2).toString()).toBe("PK")

        const denied = await refused(api.get(url, clerk))
        expect(denied.data.message).toContain("This needs the accounting permission audit:view")
      })
    })
  },
})
