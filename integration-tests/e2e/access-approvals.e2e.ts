import {
  AdminSession,
  api,
  apiPost,
  BASE,
  choose,
  closeAdmin,
  goto,
  openAdmin,
  row,
  rowAction,
  RUN,
  successNotice,
} from "./helpers/admin-page"

jest.setTimeout(240_000)

/** A second admin (invited, registered, signed in) for maker-checker: its bearer token. */
async function secondAdmin(s: AdminSession, email: string) {
  const { invite } = await apiPost(s.page, "/admin/invites", { email })
  const post = async (p: string, body: unknown, token?: string) => {
    const res = await fetch(`${BASE}${p}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!res.ok) {
      throw new Error(`POST ${p}: ${res.status} ${await res.text()}`)
    }
    return res.json()
  }
  const { token: registration } = await post("/auth/user/emailpass/register", {
    email,
    password: "e2e-secret",
  })
  const { user } = await post(
    `/admin/invites/accept?token=${invite.token}`,
    { email, first_name: "Maker", last_name: RUN },
    registration
  )
  const { token } = await post("/auth/user/emailpass", { email, password: "e2e-secret" })
  return { id: user.id as string, post: (p: string, body: unknown) => post(p, body, token) }
}

/**
 * Accounting → Access, Approvals and Audit log, in that order (this file runs
 * last: its first grant ends the demo store's bootstrap, and the admin keeps
 * everything through the "*" role it grants itself).
 */
describe("access, approvals and the audit log", () => {
  let s: AdminSession
  beforeAll(async () => {
    s = await openAdmin()
  })
  afterAll(() => closeAdmin(s))

  const controller = `E2E Controller ${RUN}`
  const clerk = `E2E Clerk ${RUN}`

  it("creates roles, grants them, edits, revokes and deletes", async () => {
    await goto(s.page, "/accounting/access")
    await s.page.getByTestId("access-bootstrap").waitFor({ timeout: 60_000 })

    const form = s.page.getByTestId("role-form")
    await form.getByLabel("Role name").fill(controller)
    await form.getByLabel(/Everything \(\*\)/).click()
    await form.getByRole("button", { name: "Create role" }).click()
    await successNotice(s.page, `Role ${controller} saved`)

    await form.getByLabel("Role name").fill(clerk)
    for (const p of ["customer_refunds:list", "customer_refunds:view", "customer_refunds:add"]) {
      await form.getByLabel(p, { exact: true }).click()
    }
    await form.getByRole("button", { name: "Create role" }).click()
    await successNotice(s.page, `Role ${clerk} saved`)

    const grant = s.page.getByTestId("grant-form")
    await choose(s.page, grant.getByTestId("grant-user"), "admin@example.com")
    await choose(s.page, grant.getByTestId("grant-role"), controller)
    await grant.getByRole("button", { name: "Grant" }).click()
    await successNotice(s.page, `Role ${controller} granted`)
    await s.page.getByTestId("access-mine").filter({ hasText: controller }).waitFor()

    await choose(s.page, grant.getByTestId("grant-role"), clerk)
    await grant.getByRole("button", { name: "Grant" }).click()
    await successNotice(s.page, `Role ${clerk} granted`)

    await rowAction(s.page, `Actions for role ${clerk}`, "Edit permissions")
    const edit = s.page.getByTestId("role-form")
    await edit.getByLabel("credit_memos:view", { exact: true }).click()
    await edit.getByRole("button", { name: "Save role" }).click()
    await successNotice(s.page, `Role ${clerk} saved`)
    await row(s.page.getByTestId("roles-list"), clerk).filter({ hasText: "credit_memos:view" }).waitFor()

    await rowAction(s.page, `Actions for admin@example.com as ${clerk}`, "Revoke")
    await successNotice(s.page, `${clerk} revoked from admin@example.com`)
    await rowAction(s.page, `Actions for role ${clerk}`, "Delete role")
    await successNotice(s.page, `Role ${clerk} deleted`)

    // Revoking the last access manager's grant is refused (409 LAST_ACCESS_MANAGER): covered by
    // the HTTP spec; how the page shows that refusal is not asserted here yet.
  })

  it("approves and rejects from the queue; a creator cannot approve their own memo", async () => {
    await apiPost(s.page, "/admin/accounting/settings", { approvals: { credit_memo: { usd: "50" } } })
    const maker = await secondAdmin(s, `maker-${RUN}@example.com`)
    const { roles } = await api(s.page, "/admin/accounting/roles")
    const makerRole = (
      await apiPost(s.page, "/admin/accounting/roles", {
        name: `E2E Maker ${RUN}`,
        permissions: ["credit_memos:list", "credit_memos:view", "credit_memos:add"],
      })
    ).role
    await apiPost(s.page, "/admin/accounting/role-grants", { user_id: maker.id, role_id: makerRole.id })
    expect(roles.length).toBeGreaterThan(0)
    const { customers } = await api(s.page, "/admin/customers?limit=1")
    const memo = (amount: string, reason: string) => ({
      customer_id: customers[0].id,
      currency_code: "usd",
      date: new Date().toISOString().slice(0, 10),
      reason,
      lines: [{ description: "E2E allowance", amount }],
    })
    const toApprove = (await maker.post("/admin/credit-memos", memo("75", `E2E approve ${RUN}`))).credit_memo
    const toReject = (await maker.post("/admin/credit-memos", memo("80", `E2E reject ${RUN}`))).credit_memo
    const own = (await apiPost(s.page, "/admin/credit-memos", memo("90", `E2E own ${RUN}`))).credit_memo
    expect([toApprove.approval_status, toReject.approval_status, own.approval_status]).toEqual([
      "pending",
      "pending",
      "pending",
    ])

    await goto(s.page, "/accounting/approvals")
    const queue = s.page.getByTestId("approval-queue")
    await row(queue, "75.00").waitFor({ timeout: 60_000 })
    await rowAction(s.page, `Actions for Credit memo ${toApprove.id}`, "Approve")
    await successNotice(s.page, `Credit memo ${toApprove.id} approved`)
    await row(queue, "75.00").waitFor({ state: "detached" })

    await rowAction(s.page, `Actions for Credit memo ${toReject.id}`, "Reject…")
    const drawer = s.page.getByRole("dialog")
    await drawer.getByTestId("action-reason").fill("E2E no evidence")
    await drawer.getByTestId("action-confirm").click()
    await successNotice(s.page, `Credit memo ${toReject.id} rejected`)

    await rowAction(s.page, `Actions for Credit memo ${own.id}`, "Approve")
    await s.page.getByTestId("notice-error").filter({ hasText: "was created by you" }).waitFor()

    const after = await api(s.page, `/admin/credit-memos/${toApprove.id}`)
    expect(after.credit_memo).toMatchObject({ approval_status: "approved" })
    await goto(s.page, "/accounting/credit-memos")
    await s.page
      .getByTestId("approval-badge")
      .filter({ hasText: "Awaiting approval" })
      .first()
      .waitFor({ timeout: 60_000 })
  })

  it("filters the audit log and verifies its chain", async () => {
    await goto(s.page, "/accounting/audit-log")
    const log = s.page.getByTestId("audit-log")
    await log.getByTestId("audit-entity-type").fill("role")
    await row(log, controller).first().waitFor({ timeout: 60_000 })
    await log.getByTestId("audit-entity-type").fill("role_grant")
    await log.getByTestId("audit-action").fill("grant")
    await row(log, controller).first().waitFor({ timeout: 60_000 })
    await log.getByTestId("audit-verify").click()
    await s.page.getByTestId("audit-verified").waitFor()
  })
})
