import {
  AdminSession,
  api,
  apiPost,
  BASE,
  choose,
  chooseCustomer,
  closeAdmin,
  confirmPrompt,
  fieldError,
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

    // The admin holds the only grant, and the only access:manage: revoking it is refused, in plain words.
    await rowAction(s.page, `Actions for admin@example.com as ${controller}`, "Revoke")
    await s.page
      .getByTestId("notice-error")
      .filter({ hasText: "Removing the last grant would give every admin every accounting permission again" })
      .waitFor()
    await s.page.getByTestId("access-mine").filter({ hasText: controller }).waitFor()
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

  it("approves a write-off above the threshold from the queue, posts it, and deletes another draft", async () => {
    // The threshold is set on the Settings page, refusing a bad one next to its field.
    await goto(s.page, "/accounting/settings")
    const thresholds = s.page.getByTestId("settings-approvals")
    await thresholds.getByTestId("approvals-write_off").fill("USD 1.001")
    await thresholds.getByTestId("approvals-save").click()
    expect(await fieldError(thresholds, "Write-offs")).toBe("USD: USD amounts have at most 2 decimals")
    await thresholds.getByTestId("approvals-write_off").fill("USD 1, EUR 1")
    await thresholds.getByTestId("approvals-save").click()
    await successNotice(s.page, "Approval thresholds saved")
    const { settings } = await api(s.page, "/admin/accounting/settings")
    expect(settings.approvals.write_off).toEqual({ usd: "1", eur: "1" })
    const maker = await secondAdmin(s, `wo-maker-${RUN}@example.com`)
    const makerRole = (
      await apiPost(s.page, "/admin/accounting/roles", {
        name: `E2E Write-off maker ${RUN}`,
        permissions: ["writeoffs:list", "writeoffs:view", "writeoffs:create", "writeoffs:post"],
      })
    ).role
    await apiPost(s.page, "/admin/accounting/role-grants", { user_id: maker.id, role_id: makerRole.id })
    const aging = await api(s.page, "/admin/accounting/reports/ar-aging?detail=true&currency_code=usd")
    const [first, second] = aging.sections
      .flatMap((x: any) => x.rows)
      .filter((r: any) => r.type === "Order" && r.order_id && Number(r.open) >= 3)
    const today = new Date().toISOString().slice(0, 10)
    const draft = (
      await maker.post("/admin/write-offs", { order_id: first.order_id, amount: "2.50", date: today, reason_code: "uncollectible" })
    ).write_off
    expect(draft).toMatchObject({ status: "draft", approval_status: "pending", number: null })

    await goto(s.page, "/accounting/approvals")
    const queue = s.page.getByTestId("approval-queue")
    await row(queue, "2.50").waitFor({ timeout: 60_000 })
    await rowAction(s.page, `Actions for Write-off ${draft.id}`, "Approve")
    await successNotice(s.page, `Write-off ${draft.id} approved`)

    await goto(s.page, "/accounting/write-offs")
    const { order } = await api(s.page, `/admin/orders/${first.order_id}?fields=display_id`)
    await rowAction(s.page, `Actions for draft write-off of #${order.display_id}`, "Post…")
    await confirmPrompt(s.page, "Post write-off")
    await successNotice(s.page, /Write-off WO-\d+ posted/)
    const posted = (await api(s.page, `/admin/write-offs/${draft.id}`)).write_off
    expect(posted).toMatchObject({ status: "posted", amount: "2.50", approved_by: expect.any(String) })
    await row(s.page, posted.number).filter({ hasText: "Posted" }).waitFor()

    // One of the admin's own, from the drawer: above the threshold it waits as a draft; then it is deleted.
    const { order: other } = await api(s.page, `/admin/orders/${second.order_id}?fields=display_id`)
    await s.page.getByTestId("write-off-order").click()
    const drawer = s.page.getByRole("dialog")
    await chooseCustomer(s.page, drawer, second.customer.split(" ")[0])
    await choose(s.page, drawer.getByTestId("open-order-select"), new RegExp(`^#${other.display_id} `))
    await drawer.getByTestId("write-off-amount").fill("2.001")
    await drawer.getByTestId("run-write-off").click()
    await drawer.getByText(/at most 2 decimals/).waitFor()
    await drawer.getByTestId("write-off-amount").fill("2.25")
    await drawer.getByTestId("run-write-off").click()
    await successNotice(s.page, "Write-off awaiting a second user's approval")
    const label = `Actions for draft write-off of #${other.display_id}`
    await rowAction(s.page, label, "Delete draft…")
    await confirmPrompt(s.page, "Delete draft")
    await successNotice(s.page, "Draft write-off deleted")
    await s.page.getByRole("button", { name: label }).waitFor({ state: "detached" })
    const left = await api(s.page, `/admin/write-offs?order_id=${second.order_id}&status=draft`)
    expect(left.count).toBe(0)
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
