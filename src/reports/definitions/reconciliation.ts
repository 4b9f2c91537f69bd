import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyChain } from "../../modules/accounting/ledger/verify"
import { loadAccountMap } from "../../modules/accounting/ledger/settings"
import { Decimal, MoneyLike, readMoney, roundMoney, toDecimal } from "../../modules/accounting/rules/money"
import { storeCreditModule } from "../../lib/store-credit"
import { claimedMedusaPayments } from "../../modules/accounting/ar/received-payments/claims"
import { streamQuery } from "../cursor"
import { arDocumentsAsOf, knexRows, roleBalancesAsOf } from "../sql/as-of"
import type { ReportRow, ReportWriter } from "../writers/columns"
import type { ReportContext, ReportDefinition } from "./types"
import { clearingAccountDifferences } from "./clearing-accounts"
import { customerDepositDifferences } from "./deposit-reconciliation"

export type ReconciliationParams = { as_of: string; currency_code?: string }

const BATCH = 1000
const endOfDay = (date: string) => new Date(`${date}T23:59:59.999Z`)
const zero = () => new Decimal(0)

/** Each journal entry that touches AR next to the AR document(s) it should carry. */
export const AR_ENTRY_DIFFERENCES = `
  with gl as (
    select e.id as entry_id, e.number, e.currency_code, sum(l.debit - l.credit) as amount
      from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
     where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= :as_of
       and l.account_id in (select account_id from accounting_account_mapping where kind = 'role' and key = 'ar' and deleted_at is null)
     group by e.id, e.number, e.currency_code
  ), docs as (
    select d.journal_entry_id as entry_id, d.id, d.number, d.currency_code, d.sign * d.amount as amount
      from accounting_ar_document d where d.deleted_at is null and d.document_date <= :as_of and d.journal_entry_id is not null
    union all
    select d.void_journal_entry_id, d.id, d.number, d.currency_code, -d.sign * d.amount
      from accounting_ar_document d where d.deleted_at is null and d.void_date <= :as_of and d.void_journal_entry_id is not null
  ), expected as (
    select entry_id, min(number) as document, min(currency_code) as currency_code, sum(amount) as amount
      from docs group by entry_id
  ), entries as (
    select coalesce(x.entry_id, g.entry_id) as entry_id, x.document, coalesce(x.currency_code, g.currency_code) as currency_code,
           coalesce(x.amount, 0) as expected, coalesce(g.amount, 0) as actual
      from expected x full outer join gl g on g.entry_id = x.entry_id
  )
  select en.*, je.number as entry, je.source_type, je.source_id
    from entries en left join accounting_journal_entry je on je.id = en.entry_id
   where en.expected <> en.actual
   order by en.currency_code, je.chain_seq`

/**
 * Proves the books agree with what happened, as of a day:
 * 1. AR subledger vs the AR control account, and every entry that differs;
 * 2. Medusa's captures and refunds vs their journal entries, and per
 *    provider captured − refunded − paid out vs its clearing account;
 * 3. loyalty store-credit and gift-card balances vs their liability accounts;
 * 4. the journal's hash chain (tampering shows here too).
 * Every difference printed counts, totals included (with an "unexplained
 * residual" row when listed rows do not add up to the total). Ends with
 * { reconciled, differences }.
 */
export const reconciliationReport: ReportDefinition<ReconciliationParams> = {
  name: "reconciliation",
  meta: (params) => ({
    title: "Reconciliation",
    subtitle: [
      `As of ${params.as_of}`,
      params.currency_code ? `Currency: ${params.currency_code.toUpperCase()}` : "All currencies",
    ],
    columns: [
      { key: "check", header: "Check", width: 120 },
      { key: "currency_code", header: "Cur.", width: 30 },
      { key: "document", header: "Document", width: 110 },
      { key: "reference", header: "Reference", width: 120 },
      { key: "expected", header: "Expected", type: "money", width: 80 },
      { key: "actual", header: "Booked", type: "money", width: 80 },
      { key: "difference", header: "Difference", type: "money", width: 80 },
      { key: "note", header: "Note", width: 200 },
    ],
    landscape: true,
    currencyKey: "currency_code",
  }),
  header: (params) => ({ as_of: params.as_of, currency_code: params.currency_code ?? null }),

  async run(ctx, params, writer) {
    const tally = new Tally(writer)
    const wanted = (currency: string) => !params.currency_code || currency === params.currency_code

    // 1. AR subledger vs GL control
    await writer.section("AR subledger vs AR control")
    const { rows: sub } = await ctx.knex.raw(
      `select d.currency_code, sum(d.sign * d.open) as total from (${arDocumentsAsOf("", { cached: false })}) d group by d.currency_code`,
      { as_of: params.as_of }
    )
    const control = await roleBalancesAsOf(knexRows(ctx.knex), params.as_of, "ar")
    const explained = new Map<string, Decimal>()
    await streamQuery(ctx.knex, AR_ENTRY_DIFFERENCES, { as_of: params.as_of }, async (rows) => {
      for (const r of rows.filter((r) => wanted(r.currency_code))) {
        const difference = toDecimal(r.expected).minus(toDecimal(r.actual))
        explained.set(r.currency_code, (explained.get(r.currency_code) ?? zero()).plus(difference))
        await tally.differ({
          check: "AR entry",
          currency_code: r.currency_code,
          document: r.document ?? "(none)",
          reference: `${r.entry ?? r.entry_id} ${r.source_type ?? ""}:${r.source_id ?? ""}`,
          expected: toDecimal(r.expected).toString(),
          actual: toDecimal(r.actual).toString(),
          difference: difference.toString(),
          note: !r.document
            ? "posts to AR without an AR document (manual entry?)"
            : toDecimal(r.actual).isZero()
              ? "AR document has no AR lines in the journal (line removed?)"
              : "journal amount differs from the document",
        })
      }
    })
    const currencies = [...new Set([...sub, ...control].map((r: any) => r.currency_code))].filter(wanted).sort()
    for (const currency of currencies) {
      await tally.totals({
        check: "AR totals",
        currency_code: currency,
        expected: toDecimal(sub.find((r: any) => r.currency_code === currency)?.total ?? 0),
        actual: toDecimal(control.find((r: any) => r.currency_code === currency)?.balance ?? 0),
        explained: explained.get(currency) ?? zero(),
        agree: "subledger = control",
        residual: "applications or voids dated out of order, or a subledger row changed outside the ledger",
      })
    }

    // 2. Medusa payments vs the journal
    await writer.section("Medusa captures and refunds vs journal")
    const medusa = await medusaPaymentDifferences(ctx, params, wanted, tally)
    for (const [currency, t] of [...medusa.entries()].sort()) {
      await tally.totals({
        check: "Net captured - refunded",
        currency_code: currency,
        expected: t.medusa,
        actual: t.booked,
        explained: t.explained,
        agree: "Medusa = captures and refunds booked (incl. customer refunds to cards)",
        residual: "a capture or refund booked twice, or booked for a payment Medusa no longer shows",
      })
    }
    await refundsInFlight(ctx, wanted, tally)

    // 2b. Clearing accounts: what providers still hold vs the clearing balances
    await writer.section("Clearing accounts")
    await clearingAccountDifferences(ctx, params, wanted, writer, tally)

    // 3. Store credit and gift cards vs their liability accounts
    await writer.section("Store credit and gift cards vs their liability accounts")
    await storeCreditDifferences(ctx, params, wanted, tally)

    // 3b. Customer deposits (DEP-) vs the Customer Advances account
    await writer.section("Customer deposits vs Customer Advances")
    await customerDepositDifferences(ctx, params, wanted, tally)

    // 4. Journal integrity
    await writer.section("Journal integrity")
    const chain = await verifyChain(ctx.knex)
    if (!chain.valid) {
      await tally.differ({
        check: "Hash chain",
        document: chain.first_broken_number ?? chain.first_broken_id ?? "",
        reference: chain.first_broken_id ?? "",
        note: `${chain.reason}; ${chain.checked} entries verified before it`,
      })
    } else {
      await writer.total({ check: "Hash chain", note: `intact (${chain.checked} entries)` })
    }

    await writer.section("Result")
    const differences = tally.count
    await writer.total({
      check: differences ? "NOT RECONCILED" : "RECONCILED",
      note: differences ? `${differences} difference(s) listed above` : "no differences",
    })
    return { reconciled: differences === 0, differences }
  },
}

/**
 * Counts every difference the report prints: listed rows, and totals that
 * disagree. A total that disagrees by more than its listed rows explain gets
 * a row of its own, "unexplained residual", so nothing hides in a total.
 */
class Tally {
  count = 0
  constructor(private readonly writer: ReportWriter) {}

  async differ(row: ReportRow) {
    this.count += 1
    await this.writer.row(row)
  }

  async totals(t: {
    check: string
    currency_code: string
    expected: Decimal
    actual: Decimal
    explained: Decimal
    agree: string
    residual: string
  }) {
    const difference = t.expected.minus(t.actual)
    if (!difference.isZero()) {
      this.count += 1
    }
    await this.writer.total({
      check: t.check,
      currency_code: t.currency_code,
      expected: t.expected.toString(),
      actual: t.actual.toString(),
      difference: difference.toString(),
      note: difference.isZero() ? t.agree : `differ by ${difference.toString()}: counted`,
    })
    const residual = difference.minus(t.explained)
    if (!residual.isZero()) {
      await this.differ({
        check: "Unexplained residual",
        currency_code: t.currency_code,
        reference: t.check,
        difference: residual.toString(),
        note: `the total difference less the rows listed above; look for ${t.residual}`,
      })
    }
  }
}

/** The fields of a Medusa capture or refund medusaPaymentDifferences asks query.graph for. */
type MedusaMovementRow = {
  id: string
  raw_amount?: MoneyLike
  payment_id: string
  payment?: { currency_code: string } | null
}

/** Medusa captures/refunds up to the day vs our standing entries for them, batch by batch. */
async function medusaPaymentDifferences(
  ctx: ReportContext,
  params: ReconciliationParams,
  wanted: (currency: string) => boolean,
  tally: Tally
) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const totals = new Map<string, { medusa: Decimal; booked: Decimal; explained: Decimal }>()
  const total = (currency: string) => {
    const t = totals.get(currency) ?? { medusa: zero(), booked: zero(), explained: zero() }
    totals.set(currency, t)
    return t
  }
  for (const kind of ["capture", "refund"] as const) {
    for (let skip = 0; ; skip += BATCH) {
      const { data }: { data: MedusaMovementRow[] } = await query.graph({
        entity: kind,
        fields: ["id", "raw_amount", "created_at", "payment.currency_code", "payment_id"],
        filters: { created_at: { $lte: endOfDay(params.as_of) } },
        pagination: { skip, take: BATCH, order: { id: "ASC" } },
      })
      if (!data.length) {
        break
      }
      const ids = data.map((d) => d.id)
      // Standing entries only: a voided customer refund's card refund is money that moved unbooked.
      const { rows: booked } = await ctx.knex.raw(
        `select e.source_id, sum(l.credit) as amount, null as voided from accounting_journal_entry e
           join accounting_journal_line l on l.entry_id = e.id
          where e.source_type = ? and e.source_kind = ? and e.source_id = any(?) and e.status = 'posted'
          group by e.source_id
         union all
         select r.medusa_refund_id, case when r.status = 'posted' then r.total else 0 end,
                case when r.status = 'voided' then coalesce(r.number, r.id) || ' voided ' || r.void_date
                     || case when r.void_record_only then ' record only: ' || coalesce(r.void_reason, '') else '' end end
           from accounting_customer_refund r
          where ? = 'refund' and r.medusa_refund_id = any(?) and r.status in ('posted', 'voided')`,
        [kind, kind === "capture" ? "captured" : "refunded", ids, kind, ids]
      )
      const bookedById = new Map<string, { amount: Decimal; voided: string | null }>(
        booked.map((b: any) => [b.source_id, { amount: toDecimal(b.amount), voided: b.voided }])
      )
      // A capture of a payment a received payment (PMT-) claimed is booked by that payment.
      const claimed =
        kind === "capture"
          ? await claimedMedusaPayments(ctx.knex, [...new Set(data.map((d) => d.payment_id))])
          : new Set<string>()
      for (const item of data) {
        const currency = item.payment?.currency_code
        if (!currency || !wanted(currency)) {
          continue
        }
        const amount = roundMoney(item.raw_amount ?? 0, currency)
        const sign = kind === "capture" ? 1 : -1
        const entry = bookedById.get(item.id)
        const inJournal = entry?.amount ?? (claimed.has(item.payment_id) ? amount : zero())
        const t = total(currency)
        t.medusa = t.medusa.plus(amount.times(sign))
        t.booked = t.booked.plus(inJournal.times(sign))
        if (!inJournal.eq(amount)) {
          t.explained = t.explained.plus(amount.minus(inJournal).times(sign))
          await tally.differ({
            check: kind === "capture" ? "Medusa capture" : "Medusa refund",
            currency_code: currency,
            document: item.id,
            reference: item.payment_id,
            expected: amount.toString(),
            actual: inJournal.toString(),
            difference: amount.minus(inJournal).toString(),
            note: entry?.voided
              ? `refund ${entry.voided}: the money left through the provider but the books no longer carry it`
              : entry
                ? "booked for another amount"
                : `a Medusa ${kind} with no journal entry (see posting errors; parked while its order is not recognised)`,
          })
        }
      }
      if (data.length < BATCH) {
        break
      }
    }
  }
  return totals
}

/** Refunds reserved or paid out and not yet booked: a posting left half-way until the retry job completes it. */
async function refundsInFlight(ctx: ReportContext, wanted: (currency: string) => boolean, tally: Tally) {
  const rows = await ctx.knex("accounting_customer_refund")
    .select("id", "number", "status", "currency_code", "raw_total", "total", "method", "medusa_refund_id", "updated_at")
    .whereIn("status", ["posting", "money_moved"])
    .whereNull("deleted_at")
    .orderBy("updated_at")
  for (const r of rows.filter((r: any) => wanted(r.currency_code))) {
    await tally.differ({
      check: r.status === "money_moved" ? "Refund paid, not booked" : "Refund being posted",
      currency_code: r.currency_code,
      document: r.number ?? r.id,
      reference: r.medusa_refund_id ?? r.method,
      expected: readMoney(r, "total").toString(),
      actual: "0",
      difference: readMoney(r, "total").toString(),
      note:
        r.status === "money_moved"
          ? "the money moved; its booking is pending in the posting errors (the retry job completes it)"
          : `reserved since ${new Date(r.updated_at).toISOString()}; the retry job settles it by reading the provider back`,
    })
  }
}

/**
 * Loyalty transactions the ledger books: checkout use (cart), credit-line
 * refunds (order), gift cards issued for an order (gift_card), our refunds
 * and their voids, and gift-card claims moving a balance between two
 * loyalty accounts (store-credit).
 */
const BOOKED_REFERENCES = new Set(["cart", "order", "gift_card", "customer_refund", "customer_refund_void", "store-credit"])

/**
 * Customers' store credit against the customer_deposits role's account and
 * gift cards (loyalty accounts without a customer) against the
 * gift_card_liability role's account, per account and currency (both roles
 * may share one account).
 */
async function storeCreditDifferences(
  ctx: ReportContext,
  params: ReconciliationParams,
  wanted: (currency: string) => boolean,
  tally: Tally
) {
  const map = await loadAccountMap(ctx.knex)
  const accountOf = { customer: map.role.customer_deposits, gift_card: map.role.gift_card_liability }
  const balances = new Map<string, { loyalty: Decimal; explained: Decimal }>()
  const at = (account: string | undefined, currency: string) => {
    const key = `${account ?? "(unmapped)"}|${currency}`
    const b = balances.get(key) ?? { loyalty: zero(), explained: zero() }
    balances.set(key, b)
    return b
  }
  const storeCredit = storeCreditModule(ctx.container)
  for (let skip = 0; storeCredit; skip += BATCH) {
    const accounts = await storeCredit.listStoreCreditAccounts({}, { skip, take: BATCH, order: { id: "ASC" } })
    if (!accounts.length) {
      break
    }
    const byId = new Map(accounts.map((a) => [a.id, a]))
    const transactions = await storeCredit.listAccountTransactions(
      { account_id: [...byId.keys()], created_at: { $lte: endOfDay(params.as_of) } },
      { take: null, order: { created_at: "ASC" } }
    )
    for (const t of transactions) {
      const account = byId.get(t.account_id)!
      if (!wanted(account.currency_code)) {
        continue
      }
      const signed = toDecimal(t.raw_amount ?? t.amount).times(t.type === "credit" ? 1 : -1)
      const balance = at(account.customer_id ? accountOf.customer : accountOf.gift_card, account.currency_code)
      balance.loyalty = balance.loyalty.plus(signed)
      if (!BOOKED_REFERENCES.has(t.reference)) {
        balance.explained = balance.explained.plus(signed)
        await tally.differ({
          check: account.customer_id ? "Store credit" : "Gift card",
          currency_code: account.currency_code,
          document: t.id,
          reference: `${t.reference}:${t.reference_id}`,
          expected: signed.toString(),
          actual: "0",
          difference: signed.toString(),
          note: `${t.type} made outside the ledger (${t.note || t.reference})`,
        })
      }
    }
    if (accounts.length < BATCH) {
      break
    }
  }
  const { rows: gl } = await ctx.knex.raw(
    `select l.account_id, e.currency_code, sum(l.credit - l.debit) as balance
       from accounting_journal_line l join accounting_journal_entry e on e.id = l.entry_id
      where e.status <> 'draft' and e.deleted_at is null and e.entry_date <= :as_of and l.account_id = any(:accounts)
      group by l.account_id, e.currency_code`,
    { as_of: params.as_of, accounts: [...new Set(Object.values(accountOf).filter(Boolean))] }
  )
  for (const r of gl.filter((r: any) => wanted(r.currency_code))) {
    at(r.account_id, r.currency_code)
  }
  const names = await accountNames(ctx, [...balances.keys()].map((k) => k.split("|")[0]))
  for (const [key, b] of [...balances.entries()].sort()) {
    const [account, currency] = key.split("|")
    const booked = toDecimal(gl.find((r: any) => r.account_id === account && r.currency_code === currency)?.balance ?? 0)
    await tally.totals({
      check: `Loyalty balances vs ${names.get(account) ?? account}`,
      currency_code: currency,
      expected: b.loyalty,
      actual: booked,
      explained: b.explained,
      agree: "loyalty balances = liability account",
      residual: "a manual journal entry to the liability account, or a gift card or store credit booked differently",
    })
  }
}

async function accountNames(ctx: ReportContext, ids: string[]) {
  const rows = await ctx.knex("accounting_account").select("id", "code", "name").whereIn("id", ids)
  return new Map<string, string>(rows.map((a: any) => [a.id, `${a.code} ${a.name}`]))
}
