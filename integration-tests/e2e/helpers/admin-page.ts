import fs from "fs"
import os from "os"
import path from "path"
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core"

/**
 * What every browser test file shares: Debian's Chromium on the built admin
 * (scripts/e2e.sh starts it on the demo store), a logged-in page, a watch on
 * the console that fails the file on any error from our code, and
 * screenshots for the README taken only once the data is on screen.
 */
export const BASE = process.env.E2E_BASE_URL ?? "http://localhost:9300"
/** `npm run screenshots` points this at docs/screenshots; otherwise one temp folder, overwritten. */
export const SHOTS = process.env.E2E_SCREENSHOTS
  ? path.resolve(process.env.E2E_SCREENSHOTS)
  : path.join(os.tmpdir(), "accounting-e2e-screenshots")
export const DOWNLOADS = path.join(os.tmpdir(), "accounting-e2e-downloads")

/**
 * Console lines that are not errors of our code: Chromium logs every refused
 * request ("status of 409 (Conflict)"), which the tests provoke on purpose to
 * see the refusal next to its field; any 5xx still fails (see `serverErrors`).
 */
const NOT_OUR_ERRORS = [
  /^Failed to load resource: the server responded with a status of 4\d\d/,
  // Medusa's customer page loads flag icons from a CDN, unreachable on an offline machine.
  /^Failed to load resource: net::ERR_NAME_NOT_RESOLVED/,
]

/**
 * React warnings raised by Medusa 2.21.1's own dashboard, not by our code.
 * All of our admin code is bundled into the main `index-*.js`, Medusa's pages
 * into chunks of their own (`order-detail-*.js`…): a warning whose first
 * component frame is in such a chunk comes from Medusa's page (its order
 * summary nests a <div> in a <p>). One warning of Medusa's shared code lands
 * in the main bundle too: its section header renders its action buttons in
 * fragments without keys; it is recognised by that header's code.
 */
const bundles = new Map<string, Promise<string>>()
/** The admin's JS bundle, fetched once (public, like any asset). */
const bundleText = (url: string) => {
  if (!bundles.has(url)) {
    bundles.set(url, fetch(url).then((r) => r.text()))
  }
  return bundles.get(url)!
}

async function isMedusaDashboardWarning(text: string): Promise<boolean> {
  if (!text.startsWith("Warning:")) {
    return false
  }
  const frames = [...text.matchAll(/at (\S+) \((https?:\/\/[^)]+\.js):(\d+):(\d+)\)/g)]
  const first = frames[0]
  if (!first) {
    return false
  }
  if (!/\/index-[\w-]+\.js$/.test(first[2])) {
    return true
  }
  const owner = /Check the render method of `([\w$]+)`/.exec(text)?.[1]
  if (owner && owner === first[1]) {
    const source = await bundleText(first[2])
    const line = source.split("\n")[Number(first[3]) - 1] ?? ""
    const code = line.slice(Number(first[4]) - 1, Number(first[4]) + 700)
    return code.includes('"flex px-6 py-4"') && code.includes('type==="button"') && code.includes("tooltip")
  }
  return false
}

export type AdminSession = {
  browser: Browser
  context: BrowserContext
  page: Page
  /** Console errors and uncaught exceptions seen so far. */
  consoleErrors: string[]
  /** Responses of our API with a 5xx status. */
  serverErrors: string[]
  /** Waits until every console line seen has been classified. */
  settled: () => Promise<unknown>
}

export async function openAdmin(): Promise<AdminSession> {
  const browser = await chromium.launch({
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
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true })
  const page = await context.newPage()
  const consoleErrors: string[] = []
  const serverErrors: string[] = []
  const checks: Promise<void>[] = []
  page.on("console", (message) => {
    if (message.type() === "error" && !NOT_OUR_ERRORS.some((p) => p.test(message.text()))) {
      const text = message.text()
      checks.push(
        isMedusaDashboardWarning(text)
          .catch((e) => {
            if (process.env.E2E_CONSOLE_LOG) {
              fs.appendFileSync(process.env.E2E_CONSOLE_LOG, `classification failed: ${e}\n`)
            }
            return false
          })
          .then((medusa) => {
            if (!medusa) {
              consoleErrors.push(text)
            }
          })
      )
    }
  })
  page.on("pageerror", (error) => consoleErrors.push(`Uncaught: ${error.message}`))
  page.on("requestfailed", (request) => {
    if (process.env.E2E_CONSOLE_LOG) {
      fs.appendFileSync(process.env.E2E_CONSOLE_LOG, `requestfailed ${request.url()} ${request.failure()?.errorText}\n`)
    }
  })
  page.on("response", (response) => {
    if (response.status() >= 500) {
      serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`)
    }
  })
  fs.mkdirSync(SHOTS, { recursive: true })
  fs.mkdirSync(DOWNLOADS, { recursive: true })

  await page.goto(`${BASE}/app/login`)
  await page.fill('input[name="email"]', "admin@example.com")
  await page.fill('input[name="password"]', "supersecret")
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/app\/orders/, { timeout: 60_000 })
  return { browser, context, page, consoleErrors, serverErrors, settled: () => Promise.all(checks) }
}

/** Ends a file: the browser closes, and the file fails on any console error or 5xx it saw. */
export async function closeAdmin(session: AdminSession | undefined) {
  await session?.settled()
  await session?.browser.close()
  if (process.env.E2E_CONSOLE_LOG && session?.consoleErrors.length) {
    fs.appendFileSync(process.env.E2E_CONSOLE_LOG, session.consoleErrors.join("\n----\n") + "\n====\n")
  }
  // The message itself, without React's component stack.
  expect((session?.consoleErrors ?? []).map((e) => e.split("\n")[0].slice(0, 500))).toEqual([])
  expect(session?.serverErrors ?? []).toEqual([])
}

/** A full-page screenshot for the README; call it once the rows it shows are visible. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true, animations: "disabled" })

/** GET on the admin API with the page's session. */
export async function api<T = any>(page: Page, p: string): Promise<T> {
  const res = await page.request.get(`${BASE}${p}`)
  if (res.status() !== 200) {
    throw new Error(`GET ${p}: ${res.status()} ${await res.text()}`)
  }
  return res.json()
}

/** POST on the admin API with the page's session (setting up what the admin offers no screen for). */
export async function apiPost<T = any>(page: Page, p: string, data: unknown): Promise<T> {
  const res = await page.request.post(`${BASE}${p}`, { data })
  if (res.status() !== 200) {
    throw new Error(`POST ${p}: ${res.status()} ${await res.text()}`)
  }
  return res.json()
}

/** Tells this run's records apart from those of an earlier run on the same database. */
export const RUN = Date.now().toString(36).slice(-5)

export const goto = (page: Page, p: string) => page.goto(`${BASE}/app${p}`)

/** The table row that shows `text` (a number, a name). */
export const row = (page: Page | Locator, text: string | RegExp) =>
  page.getByRole("row").filter({ hasText: text })

/** Opens a row's "…" menu (named "Actions for …") and picks an item. */
export async function rowAction(page: Page, menu: string | RegExp, item: string | RegExp) {
  await page.getByRole("button", { name: menu }).click()
  await page.getByRole("menuitem", { name: item }).click()
}

/** Answers Medusa's confirmation prompt with its confirm button. */
export async function confirmPrompt(page: Page, confirm: string) {
  const dialog = page.getByRole("alertdialog")
  await dialog.waitFor()
  await dialog.getByRole("button", { name: confirm }).click()
  await dialog.waitFor({ state: "detached" })
}

/** The success notice a page shows under its header. */
export const successNotice = (page: Page, text: string | RegExp) =>
  page.getByTestId("notice-success").filter({ hasText: text }).waitFor({ timeout: 30_000 })

/** Picks an option of a Medusa UI select (a Radix combobox) by its visible text. */
export async function choose(page: Page, trigger: Locator, option: string | RegExp) {
  await trigger.click()
  await page.getByRole("option", { name: option }).first().click()
}

/** Chooses a customer in the customer picker by name (the list refreshes once the typing pauses). */
export async function chooseCustomer(page: Page, container: Page | Locator, name: string) {
  await container.getByTestId("customer-search").fill(name)
  const trigger = container.getByTestId("customer-select")
  for (let attempt = 0; attempt < 20; attempt++) {
    await trigger.click()
    const option = page.getByRole("option", { name: new RegExp(name) }).first()
    try {
      await option.waitFor({ timeout: 1_500 })
      await option.click()
      return
    } catch {
      await page.keyboard.press("Escape")
    }
  }
  throw new Error(`The customer picker never offered ${name}`)
}

/**
 * The error shown under a labelled control (its aria-describedby), once the
 * control is marked invalid: where the refusal is, not anywhere on the page.
 */
export async function fieldError(scope: Page | Locator, label: string | RegExp): Promise<string> {
  const control = scope.getByLabel(label, { exact: typeof label === "string" }).first()
  await control.and(scope.locator('[aria-invalid="true"]')).waitFor({ timeout: 30_000 })
  const ids = ((await control.getAttribute("aria-describedby")) ?? "").split(" ").filter(Boolean)
  const errorId = ids.find((id) => id.endsWith("-error"))
  if (!errorId) {
    throw new Error(`${label} is invalid but describes no error`)
  }
  return (await scope.locator(`[id="${errorId}"]`).textContent()) ?? ""
}

/** Saves a download triggered by `action` and returns its name and bytes. */
export async function download(page: Page, action: () => Promise<unknown>) {
  const [file] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), action()])
  const target = path.join(DOWNLOADS, file.suggestedFilename())
  await file.saveAs(target)
  return { name: file.suggestedFilename(), data: fs.readFileSync(target) }
}
