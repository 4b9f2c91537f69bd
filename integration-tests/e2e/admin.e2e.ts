import fs from "fs"
import os from "os"
import path from "path"
import { chromium, Browser, Page } from "playwright-core"
import { readXlsx } from "../helpers/files"

/**
 * The admin as a store admin uses it, in Debian's Chromium against the built
 * app (scripts/e2e.sh starts it on a demo store): log in, open an order with
 * a credit, refund it from the order page, see it posted and in the journal,
 * download the aging as XLSX. Screenshots of every page go to E2E_SCREENSHOTS
 * (`npm run screenshots` points it at docs/screenshots), else to one temp folder,
 * so a test run never rewrites tracked files.
 */
const BASE = process.env.E2E_BASE_URL ?? "http://localhost:9300"
const SHOTS = process.env.E2E_SCREENSHOTS
  ? path.resolve(process.env.E2E_SCREENSHOTS)
  : path.join(os.tmpdir(), "accounting-e2e-screenshots") // one folder, overwritten each run

jest.setTimeout(240_000)

describe("admin", () => {
  let browser: Browser
  let page: Page

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true })
  const api = async (p: string) => {
    const res = await page.request.get(`${BASE}${p}`)
    expect(res.status()).toBe(200)
    return res.json()
  }

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    })
    page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
    fs.mkdirSync(SHOTS, { recursive: true })
  })

  afterAll(async () => {
    await browser?.close()
  })

  it("logs in", async () => {
    await page.goto(`${BASE}/app/login`)
    await page.fill('input[name="email"]', "admin@example.com")
    await page.fill('input[name="password"]', "supersecret")
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
  })

  it("refunds an order's overpayment from the order page and sees it posted and journaled", async () => {
    const { customers } = await api("/admin/customers?q=grace&fields=id,email")
    const grace = customers.find((c: any) => c.email === "grace@example.com")
    const { available_credits } = await api(
      `/admin/customers/${grace.id}/available-credits?currency_code=usd`
    )
    const credit = available_credits.find((c: any) => c.source_type === "overpayment")
    expect(credit).toBeTruthy()

    await page.goto(`${BASE}/app/orders/${credit.order_id}`)
    const widget = page.getByTestId("order-accounting")
    await widget.waitFor({ timeout: 60_000 })
    await shot("order-widget")

    await page.getByTestId("refund-credits").click()
    const row = page.getByTestId("available-credit").first()
    await row.waitFor()
    await row.getByRole("checkbox").click()
    await page.getByTestId("refund-reference").fill("CHK-E2E-1")
    await shot("refund-modal")
    await page.getByTestId("refund-post").click()
    await page.waitForTimeout(300)
    await page.getByText(/Refund RF-\d+ posted/).waitFor({ timeout: 30_000 })

    const refunds = page.getByTestId("order-refunds")
    await refunds.getByText("posted").waitFor({ timeout: 30_000 })
    const number = (await refunds.textContent())!.match(/RF-\d+/)![0]
    await page.waitForTimeout(800) // let the modal fade out of the screenshot
    await shot("order-widget-refunded")

    await page.goto(`${BASE}/app/accounting/journal`)
    await page.getByText(`Customer refund ${number} (check) ref CHK-E2E-1`).waitFor({ timeout: 30_000 })
    await page.getByTestId("verify-journal").click()
    await page
      .getByText(/Chain intact/)
      .first()
      .waitFor()
    await shot("journal")

    const after = await api(`/admin/customers/${grace.id}/available-credits?currency_code=usd`)
    expect(after.available_credits.find((c: any) => c.source_id === credit.source_id)).toBeUndefined()
  })

  it("downloads the AR aging as an XLSX that opens", async () => {
    await page.goto(`${BASE}/app/accounting/reports`)
    await page.getByTestId("aging-bars").first().waitFor({ timeout: 30_000 })
    await shot("reports-aging")
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("download-xlsx").click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^ar-aging-\d{4}-\d{2}-\d{2}\.xlsx$/)
    const file = path.join(os.tmpdir(), download.suggestedFilename())
    await download.saveAs(file)
    const sheets = await readXlsx(fs.readFileSync(file))
    expect(sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["USD", "EUR"]))
    const usd = sheets.find((s) => s.name === "USD")!
    const total = usd.rows.find((r: any[]) => r[0] === "Total USD")!
    const difference = usd.rows.find((r: any[]) => r[0] === "Difference")!
    expect(typeof total[7]).toBe("number")
    expect(difference[7]).toBe(0)

    await page.getByRole("tab", { name: "Reconciliation" }).click()
    await page.getByText("RECONCILED", { exact: true }).waitFor({ timeout: 30_000 })
    await shot("reports-reconciliation")
  })

  it("shows every page of the Accounting section", async () => {
    for (const [name, url, text] of [
      ["overview", "/app/accounting", "Posting errors"],
      ["refunds", "/app/accounting/refunds", "RF-00001"],
      ["credit-memos", "/app/accounting/credit-memos", "CM-00001"],
      ["periods", "/app/accounting/periods", "closed"],
      ["settings", "/app/accounting/settings", "Accounts by role"],
    ] as const) {
      await page.goto(`${BASE}${url}`)
      await page.getByText(text).first().waitFor({ timeout: 30_000 })
      await shot(name)
    }
    const { customers } = await api("/admin/customers?q=edsger&fields=id")
    await page.goto(`${BASE}/app/customers/${customers[0].id}`)
    await page.getByTestId("aging-bars").first().waitFor({ timeout: 30_000 })
    await shot("customer-widget")
  })
})
