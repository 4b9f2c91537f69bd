import type { MedusaContainer } from "@medusajs/framework/types"
import BigNumber from "bignumber.js"
import fc from "fast-check"
import type { Knex } from "knex"
import type { OrderSnapshot } from "../../src/modules/accounting/rules/order-recognition"
import { createCustomer } from "../../dev/demo/store-fixture"
import { AdminHeaders } from "../helpers/admin"
import type { Api } from "../helpers/credit"
import { arTieOut, arTieOutAsOf } from "../helpers/ledger"
import { orderSnapshot, syncSnapshot } from "../helpers/orders"

/**
 * Model-free property run: random sequences of store activity and
 * accounting actions over USD, JPY and KWD, with the ledger's invariants
 * checked after every step. Order activity goes through the module (as the
 * subscribers do), everything an admin does through the HTTP API.
 */

const CURRENCIES = { usd: 2, jpy: 0, kwd: 3 } as const
type Currency = keyof typeof CURRENCIES

const op = {
  order: fc.record({ t: fc.constant("order" as const), cust: fc.nat(), cur: fc.nat(), minor: fc.integer({ min: 1, max: 5_000_000 }) }),
  capture: fc.record({ t: fc.constant("capture" as const), pick: fc.nat(), pct: fc.integer({ min: 10, max: 100 }) }),
  payRefund: fc.record({ t: fc.constant("payRefund" as const), pick: fc.nat(), pct: fc.integer({ min: 10, max: 100 }) }),
  change: fc.record({ t: fc.constant("change" as const), pick: fc.nat(), pct: fc.integer({ min: 10, max: 95 }) }),
  cancel: fc.record({ t: fc.constant("cancel" as const), pick: fc.nat() }),
  memo: fc.record({ t: fc.constant("memo" as const), cust: fc.nat(), cur: fc.nat(), minor: fc.integer({ min: 1, max: 2_000_000 }) }),
  apply: fc.record({ t: fc.constant("apply" as const), pick: fc.nat(), order: fc.nat(), pct: fc.integer({ min: 1, max: 130 }) }),
  unapply: fc.record({ t: fc.constant("unapply" as const), pick: fc.nat() }),
  refund: fc.record({ t: fc.constant("refund" as const), cust: fc.nat(), cur: fc.nat(), pct: fc.integer({ min: 1, max: 130 }) }),
  voidMemo: fc.record({ t: fc.constant("voidMemo" as const), pick: fc.nat() }),
  voidRefund: fc.record({ t: fc.constant("voidRefund" as const), pick: fc.nat() }),
  manual: fc.record({ t: fc.constant("manual" as const), cur: fc.nat(), minor: fc.integer({ min: 1, max: 1_000_000 }) }),
  reverse: fc.record({ t: fc.constant("reverse" as const), pick: fc.nat() }),
}
const anyOp = fc.oneof(
  { arbitrary: op.order, weight: 4 },
  { arbitrary: op.capture, weight: 3 },
  { arbitrary: op.payRefund, weight: 1 },
  { arbitrary: op.change, weight: 2 },
  { arbitrary: op.cancel, weight: 1 },
  { arbitrary: op.memo, weight: 3 },
  { arbitrary: op.apply, weight: 3 },
  { arbitrary: op.unapply, weight: 1 },
  { arbitrary: op.refund, weight: 3 },
  { arbitrary: op.voidMemo, weight: 1 },
  { arbitrary: op.voidRefund, weight: 1 },
  { arbitrary: op.manual, weight: 1 },
  { arbitrary: op.reverse, weight: 1 }
)
const step = fc.record({ op: anyOp, days: fc.integer({ min: 0, max: 3 }) })

export type PropertyStats = {
  runs: number
  steps: number
  accepted: number
  refused: Record<string, number>
  invariant_checks: number
}

type OpName = keyof typeof op

/**
 * The refusals each operation may meet in a run; any other code is a bug.
 * An operation missing here may not be refused at all.
 */
// Phase 2 dates are drawn at random, so an action may be dated before what it acts on.
const EXPECTED_REFUSALS: Partial<Record<OpName, string[]>> = {
  apply: [
    "APPLICATION_EXCEEDS_OPEN",
    "CUSTOMER_MISMATCH",
    "CURRENCY_MISMATCH",
    "NOT_FOUND",
    "ALREADY_VOIDED",
    "DATE_BEFORE_ORIGINAL",
  ],
  unapply: ["DATE_BEFORE_ORIGINAL"],
  refund: ["REFUND_EXCEEDS_CREDIT", "DATE_BEFORE_ORIGINAL"],
  voidMemo: ["CREDIT_NOT_AVAILABLE", "ALREADY_VOIDED", "DATE_BEFORE_ORIGINAL"],
  voidRefund: ["ALREADY_VOIDED", "DATE_BEFORE_ORIGINAL"],
  reverse: ["SUBLEDGER_ENTRY", "ALREADY_REVERSED", "DATE_BEFORE_ORIGINAL"],
}

/** A run that refuses more than this share of what it asks is broken, not careful. */
export const MIN_ACCEPTED_SHARE = 0.6

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}
const amountOf = (minor: number, cur: Currency) => new BigNumber(minor).shiftedBy(-CURRENCIES[cur]).toFixed()
const floorAt = (value: BigNumber.Value, cur: Currency) =>
  new BigNumber(value).decimalPlaces(CURRENCIES[cur], BigNumber.ROUND_DOWN)

/** The ledger's invariants, checked in SQL against what is stored, today and as of every day touched. */
async function checkInvariants(knex: Knex, touched: Set<string>) {
  expect(await arTieOutAsOf(knex, [...touched])).toEqual([])

  const unbalanced = await knex.raw(`
    select e.number from accounting_journal_entry e
      join accounting_journal_line l on l.entry_id = e.id
     where e.status <> 'draft'
     group by e.id, e.number having sum(l.debit) <> sum(l.credit)`)
  expect(unbalanced.rows).toEqual([])

  for (const row of await arTieOut(knex)) {
    expect({ currency: row.currency_code, subledger: new BigNumber(row.subledger).toFixed() }).toEqual({
      currency: row.currency_code,
      subledger: new BigNumber(row.control).toFixed(),
    })
  }

  // Open amounts: never negative, never above the original, and exactly the
  // original less what stands applied (credits: applied, refunded; voids and
  // unapplications give back).
  const wrong = await knex.raw(`
    select d.number, d.doc_type, d.amount, d.open_amount, coalesce(a.applied, 0) as applied
      from accounting_ar_document d
      left join lateral (
        select sum(x.amount) as applied from accounting_ar_application x
         where x.unapplied_date is null and (x.credit_document_id = d.id or x.debit_document_id = d.id)
      ) a on true
     where d.deleted_at is null
       and (d.open_amount < 0 or d.open_amount > d.amount
            or (d.void_date is null and d.open_amount <> d.amount - coalesce(a.applied, 0))
            or (d.void_date is not null and d.open_amount <> 0))`)
  expect(wrong.rows).toEqual([])
}

export async function runLedgerProperties({
  api,
  admin,
  container,
  knex,
  runs,
  steps,
  seed,
}: {
  api: Api
  admin: AdminHeaders
  container: MedusaContainer
  knex: Knex
  runs: number
  steps: number
  seed?: number
}): Promise<PropertyStats> {
  const stats: PropertyStats = { runs: 0, steps: 0, accepted: 0, refused: {}, invariant_checks: 0 }
  const customers: string[] = []
  for (const name of ["Ann", "Ben", "Cho"]) {
    customers.push(
      (await createCustomer(container, { email: `${name.toLowerCase()}-${Date.now()}@example.com`, first_name: name, last_name: "Prop" })).id
    )
  }
  let runNo = 0

  let current: OpName = "order"
  const call = async (request: Promise<any>) => {
    try {
      const res = await request
      stats.accepted++
      return { ok: true, data: res.data }
    } catch (e: any) {
      if (!e.response) {
        throw e
      }
      const { status, data } = e.response
      // Expected refusals are fine; a 5xx, an uncoded or an unexpected refusal is a bug.
      if (status >= 500 || !data?.code) {
        throw new Error(`HTTP ${status} ${JSON.stringify(data)}`)
      }
      if (!(EXPECTED_REFUSALS[current] ?? []).includes(data.code)) {
        throw new Error(`${current} refused with ${data.code}, which it never should: ${data.message}`)
      }
      stats.refused[data.code] = (stats.refused[data.code] ?? 0) + 1
      return { ok: false, data }
    }
  }

  await fc.assert(
    fc.asyncProperty(fc.array(step, { minLength: steps, maxLength: steps }), async (plan) => {
      // Each run has its own years: phase 1 in January, phase 2 from February.
      const year = 2100 + runNo++
      const phase2 = `${year}-02-01`
      const asOf = `${year}-01-31`
      let clock = `${year}-01-01`
      const orders: { snap: OrderSnapshot; cur: Currency; last: string }[] = []
      const memos: { id: string; cur: Currency; customer: string }[] = []
      const refunds: string[] = []
      const manuals: string[] = []
      let frozen: string | null = null
      const touched = new Set<string>()
      stats.runs++

      const sync = (o: (typeof orders)[number]) => syncSnapshot(container, o.snap)
      const reports = async () =>
        JSON.stringify([
          (await api.get(`/admin/accounting/reports/ar-aging?as_of=${asOf}&detail=true`, admin)).data.sections,
          (await api.get(`/admin/accounting/reports/trial-balance?as_of=${asOf}`, admin)).data.sections,
        ])

      for (const [i, { op, days }] of plan.entries()) {
        if (!frozen && i >= plan.length / 2) {
          // Freeze phase 1: nothing dated later may change what it reports.
          frozen = await reports()
          clock = phase2
        }
        clock = addDays(clock, days)
        const date = clock
        touched.add(date)
        current = op.t
        const pick = <T>(list: T[], n: number) => (list.length ? list[n % list.length] : undefined)
        stats.steps++

        switch (op.t) {
          case "order": {
            const cur = Object.keys(CURRENCIES)[op.cur % 3] as Currency
            const o = {
              cur,
              last: date,
              snap: orderSnapshot({
                id: `order_p${year}_${i}`,
                customer_id: customers[op.cust % customers.length],
                currency_code: cur,
                total: amountOf(op.minor, cur),
                date,
              }),
            }
            orders.push(o)
            await sync(o)
            stats.accepted++
            break
          }
          case "capture":
          case "payRefund": {
            const o = pick(orders.filter((x) => x.snap.status !== "canceled"), op.pick)
            if (!o) break
            const pay = o.snap.payments[0]
            const captured = BigNumber.sum(0, ...pay.captures.map((c) => c.amount as string))
            const refunded = BigNumber.sum(0, ...pay.refunds.map((r) => r.amount as string))
            const room = op.t === "capture" ? new BigNumber(o.snap.totals.total as string).minus(captured) : captured.minus(refunded)
            const amount = floorAt(room.times(op.pct).div(100), o.cur)
            if (!amount.gt(0)) break
            const entry = { id: `${op.t}_${o.snap.id}_${i}`, amount: amount.toFixed(), date }
            ;(op.t === "capture" ? pay.captures : pay.refunds).push(entry)
            o.last = date
            await sync(o)
            stats.accepted++
            break
          }
          case "change":
          case "cancel": {
            const o = pick(orders.filter((x) => x.snap.status !== "canceled"), op.pick)
            if (!o) break
            o.snap.version++
            o.snap.change_date = date
            if (op.t === "cancel") {
              o.snap.status = "canceled"
            } else {
              const total = floorAt(new BigNumber(o.snap.totals.total as string).times(op.pct).div(100), o.cur).toFixed()
              o.snap.totals = { ...o.snap.totals, item_subtotal: total, total }
            }
            o.last = date
            await sync(o)
            stats.accepted++
            break
          }
          case "memo": {
            const cur = Object.keys(CURRENCIES)[op.cur % 3] as Currency
            const customer = customers[op.cust % customers.length]
            const created = await call(
              api.post(
                "/admin/credit-memos",
                { customer_id: customer, currency_code: cur, date, reason: "Property", lines: [{ description: "Allowance", amount: amountOf(op.minor, cur) }] },
                admin
              )
            )
            if (created.ok && (await call(api.post(`/admin/credit-memos/${created.data.credit_memo.id}/issue`, {}, admin))).ok) {
              memos.push({ id: created.data.credit_memo.id, cur, customer })
            }
            break
          }
          case "apply": {
            const memo = pick(memos, op.pick)
            if (!memo) break
            const targets = orders.filter((o) => o.snap.customer_id === memo.customer && o.cur === memo.cur)
            const o = pick(targets, op.order) ?? pick(orders, op.order)
            if (!o) break
            const m = (await api.get(`/admin/credit-memos/${memo.id}`, admin)).data.credit_memo
            const amount = floorAt(new BigNumber(m.remaining_amount).times(op.pct).div(100), memo.cur)
            await call(
              api.post(`/admin/credit-memos/${memo.id}/applications`, { order_id: o.snap.id, amount: amount.gt(0) ? amount.toFixed() : "1", date }, admin)
            )
            break
          }
          case "unapply": {
            const memo = pick(memos, op.pick)
            if (!memo) break
            const m = (await api.get(`/admin/credit-memos/${memo.id}`, admin)).data.credit_memo
            const app = pick(m.applications.filter((a: any) => !a.unapplied_date && !a.customer_refund_id), op.pick)
            if (!app) break
            await call(api.delete(`/admin/credit-memos/${memo.id}/applications/${(app as any).id}?date=${date}`, admin))
            break
          }
          case "refund": {
            const cur = Object.keys(CURRENCIES)[op.cur % 3] as Currency
            const customer = customers[op.cust % customers.length]
            const credits = (await api.get(`/admin/customers/${customer}/available-credits?currency_code=${cur}`, admin)).data
              .available_credits.filter((c: any) => c.source_type !== "store_credit")
            if (!credits.length) break
            // Draw pct% of everything available, credit by credit; above 100% must be refused.
            const available = BigNumber.sum(...credits.map((c: any) => c.remaining_amount))
            const requested = floorAt(available.times(op.pct).div(100), cur)
            let want = requested
            const lines = []
            for (const c of credits) {
              const take = BigNumber.min(want, c.remaining_amount)
              if (take.gt(0)) lines.push({ source_type: c.source_type, source_id: c.source_id, amount: take.toFixed() })
              want = want.minus(take)
            }
            if (want.gt(0) && lines.length) lines[0].amount = new BigNumber(lines[0].amount).plus(want).toFixed()
            if (!lines.length) break
            const res = await call(
              api.post("/admin/customer-refunds", { customer_id: customer, currency_code: cur, refund_date: date, method: "check", lines, post: true }, admin)
            )
            if (requested.gt(available)) {
              expect(res).toMatchObject({ ok: false, data: { code: "REFUND_EXCEEDS_CREDIT" } })
            }
            if (res.ok) refunds.push(res.data.customer_refund.id)
            break
          }
          case "voidMemo": {
            const memo = pick(memos, op.pick)
            if (memo) await call(api.post(`/admin/credit-memos/${memo.id}/void`, { date }, admin))
            break
          }
          case "voidRefund": {
            const refund = pick(refunds, op.pick)
            if (refund) await call(api.post(`/admin/customer-refunds/${refund}/void`, { date }, admin))
            break
          }
          case "manual": {
            const cur = Object.keys(CURRENCIES)[op.cur % 3] as Currency
            const amount = amountOf(op.minor, cur)
            const draft = await call(
              api.post(
                "/admin/accounting/journal-entries",
                { entry_date: date, currency_code: cur, memo: "Cash sale", lines: [{ account_id: "acct_1000", debit: amount }, { account_id: "acct_4000", credit: amount }] },
                admin
              )
            )
            if (draft.ok && (await call(api.post(`/admin/accounting/journal-entries/${draft.data.journal_entry.id}/post`, {}, admin))).ok) {
              manuals.push(draft.data.journal_entry.id)
            }
            break
          }
          case "reverse": {
            // A manual entry reverses; an entry of an order is refused (SUBLEDGER_ENTRY).
            const target =
              op.pick % 2 === 0
                ? pick(manuals, op.pick)
                : (await knex.raw(`select id from accounting_journal_entry where source_type = 'order' and status = 'posted' limit 1`)).rows[0]?.id
            if (target) await call(api.post(`/admin/accounting/journal-entries/${target}/reverse`, { date }, admin))
            break
          }
        }
        await checkInvariants(knex, touched)
        stats.invariant_checks++
        if (frozen) {
          expect(await reports()).toBe(frozen)
        }
      }
      const verify = await api.get("/admin/accounting/journal-entries/verify", admin)
      expect(verify.data).toMatchObject({ valid: true })
    }),
    { numRuns: runs, seed, endOnFailure: true, verbose: 1 }
  )
  return stats
}
