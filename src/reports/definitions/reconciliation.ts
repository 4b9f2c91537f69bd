import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { verifyChain } from "../../modules/accounting/ledger/verify"
import { Decimal, roundMoney, toDecimal } from "../../modules/accounting/rules/money"
import { streamQuery } from "../cursor"
import { arDocumentsAsOf, ROLE_BALANCE_AS_OF } from "../sql/as-of"
import type { ReportRow, ReportWriter } from "../writers/columns"
import type { ReportContext, ReportDefinition } from "./types"

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
 * 2. Medusa's captures and refunds vs their journal entries;
 * 3. loyalty store-credit balances vs Customer Deposits;
 * 4. the journal's hash chain (tampering shows here too).
 * Ends with { reconciled, differences }.
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
    let differences = 0
    const differ = async (row: ReportRow) => {
      differences += 1
      await writer.row(row)
    }
    const wanted = (currency: string) => !params.currency_code || currency === params.currency_code

    // 1. AR subledger vs GL control
    await writer.section("AR subledger vs AR control")
    const { rows: sub } = await ctx.knex.raw(
      `select d.currency_code, sum(d.sign * d.open) as total from (${arDocumentsAsOf("", { cached: false })}) d group by d.currency_code`,
      { as_of: params.as_of }
    )
    const { rows: control } = await ctx.knex.raw(ROLE_BALANCE_AS_OF, { as_of: params.as_of, role: "ar" })
    const currencies = [...new Set([...sub, ...control].map((r: any) => r.currency_code))]
      .filter(wanted)
      .sort()
    for (const currency of currencies) {
      const s = toDecimal(sub.find((r: any) => r.currency_code === currency)?.total ?? 0)
      const g = toDecimal(control.find((r: any) => r.currency_code === currency)?.balance ?? 0)
      await writer.total({
        check: "AR totals",
        currency_code: currency,
        expected: s.toString(),
        actual: g.toString(),
        difference: s.minus(g).toString(),
        note: s.eq(g) ? "subledger = control" : "subledger and control differ",
      })
    }
    await streamQuery(ctx.knex, AR_ENTRY_DIFFERENCES, { as_of: params.as_of }, async (rows) => {
      for (const r of rows.filter((r) => wanted(r.currency_code))) {
        await differ({
          check: "AR entry",
          currency_code: r.currency_code,
          document: r.document ?? "(none)",
          reference: `${r.entry ?? r.entry_id} ${r.source_type ?? ""}:${r.source_id ?? ""}`,
          expected: toDecimal(r.expected).toString(),
          actual: toDecimal(r.actual).toString(),
          difference: toDecimal(r.expected).minus(toDecimal(r.actual)).toString(),
          note: !r.document
            ? "posts to AR without an AR document (manual entry?)"
            : toDecimal(r.actual).isZero()
              ? "AR document has no AR lines in the journal (line removed?)"
              : "journal amount differs from the document",
        })
      }
    })

    // 2. Medusa payments vs the journal
    await writer.section("Medusa captures and refunds vs journal")
    const medusa = await medusaPaymentDifferences(ctx, params, wanted, differ)
    for (const [currency, t] of [...medusa.entries()].sort()) {
      await writer.total({
        check: "Net captured - refunded",
        currency_code: currency,
        expected: t.medusa.toString(),
        actual: t.booked.toString(),
        difference: t.medusa.minus(t.booked).toString(),
        note: "Medusa vs captures and refunds booked (incl. customer refunds to cards)",
      })
    }

    // 3. Store credit vs Customer Deposits
    await writer.section("Store credit vs Customer Deposits")
    await storeCreditDifferences(ctx, params, wanted, differ, writer)

    // 4. Journal integrity
    await writer.section("Journal integrity")
    const chain = await verifyChain(ctx.knex)
    if (!chain.valid) {
      await differ({
        check: "Hash chain",
        document: chain.first_broken_number ?? chain.first_broken_id ?? "",
        reference: chain.first_broken_id ?? "",
        note: `${chain.reason}; ${chain.checked} entries verified before it`,
      })
    } else {
      await writer.total({ check: "Hash chain", note: `intact (${chain.checked} entries)` })
    }

    await writer.section("Result")
    await writer.total({
      check: differences ? "NOT RECONCILED" : "RECONCILED",
      note: differences ? `${differences} difference(s) listed above` : "no differences",
    })
    return { reconciled: differences === 0, differences }
  },
}

/** Medusa captures/refunds up to the day vs our entries for them, batch by batch. */
async function medusaPaymentDifferences(
  ctx: ReportContext,
  params: ReconciliationParams,
  wanted: (currency: string) => boolean,
  differ: (row: ReportRow) => Promise<void>
) {
  const query = ctx.container.resolve(ContainerRegistrationKeys.QUERY)
  const totals = new Map<string, { medusa: Decimal; booked: Decimal }>()
  const total = (currency: string) => {
    const t = totals.get(currency) ?? { medusa: zero(), booked: zero() }
    totals.set(currency, t)
    return t
  }
  for (const kind of ["capture", "refund"] as const) {
    for (let skip = 0; ; skip += BATCH) {
      const { data } = await query.graph({
        entity: kind,
        fields: ["id", "raw_amount", "created_at", "payment.currency_code", "payment_id"],
        filters: { created_at: { $lte: endOfDay(params.as_of) } },
        pagination: { skip, take: BATCH, order: { id: "ASC" } },
      })
      if (!data.length) {
        break
      }
      const ids = data.map((d: any) => d.id)
      const { rows: booked } = await ctx.knex.raw(
        `select e.source_id, sum(l.credit) as amount from accounting_journal_entry e
           join accounting_journal_line l on l.entry_id = e.id
          where e.source_type = ? and e.source_kind = ? and e.source_id = any(?) and e.status <> 'draft'
          group by e.source_id
         union all
         select r.medusa_refund_id, r.total from accounting_customer_refund r
          where ? = 'refund' and r.medusa_refund_id = any(?) and r.status in ('posted', 'voided')`,
        [kind, kind === "capture" ? "captured" : "refunded", ids, kind, ids]
      )
      const bookedById = new Map<string, Decimal>(booked.map((b: any) => [b.source_id, toDecimal(b.amount)]))
      for (const item of data as any[]) {
        const currency = item.payment?.currency_code
        if (!currency || !wanted(currency)) {
          continue
        }
        const amount = roundMoney(item.raw_amount ?? 0, currency)
        const sign = kind === "capture" ? 1 : -1
        const inJournal = bookedById.get(item.id)
        total(currency).medusa = total(currency).medusa.plus(amount.times(sign))
        total(currency).booked = total(currency).booked.plus((inJournal ?? zero()).times(sign))
        if (!inJournal || !inJournal.eq(amount)) {
          await differ({
            check: kind === "capture" ? "Medusa capture" : "Medusa refund",
            currency_code: currency,
            document: item.id,
            reference: item.payment_id,
            expected: amount.toString(),
            actual: (inJournal ?? zero()).toString(),
            difference: amount.minus(inJournal ?? zero()).toString(),
            note: inJournal
              ? "booked for another amount"
              : `a Medusa ${kind} with no journal entry (see posting errors)`,
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

/** Transaction references the ledger books (checkout use, credit-line refunds, our refunds). */
const BOOKED_REFERENCES = new Set(["cart", "order", "customer_refund"])

async function storeCreditDifferences(
  ctx: ReportContext,
  params: ReconciliationParams,
  wanted: (currency: string) => boolean,
  differ: (row: ReportRow) => Promise<void>,
  writer: ReportWriter
) {
  const { rows: gl } = await ctx.knex.raw(ROLE_BALANCE_AS_OF, {
    as_of: params.as_of,
    role: "customer_deposits",
  })
  const balances = new Map<string, Decimal>()
  if (ctx.container.hasRegistration("store_credit")) {
    const storeCredit: any = ctx.container.resolve("store_credit")
    for (let skip = 0; ; skip += BATCH) {
      const accounts = await storeCredit.listStoreCreditAccounts(
        { customer_id: { $ne: null } },
        { skip, take: BATCH }
      )
      if (!accounts.length) {
        break
      }
      const byId = new Map<string, any>(accounts.map((a: any) => [a.id, a]))
      const transactions = await storeCredit.listAccountTransactions(
        { account_id: [...byId.keys()], created_at: { $lte: endOfDay(params.as_of) } },
        { take: null, order: { created_at: "ASC" } }
      )
      for (const t of transactions) {
        const currency = byId.get(t.account_id)?.currency_code
        if (!currency || !wanted(currency)) {
          continue
        }
        const signed = toDecimal(t.raw_amount ?? t.amount).times(t.type === "credit" ? 1 : -1)
        balances.set(currency, (balances.get(currency) ?? zero()).plus(signed))
        if (!BOOKED_REFERENCES.has(t.reference)) {
          await differ({
            check: "Store credit",
            currency_code: currency,
            document: t.id,
            reference: `${t.reference}:${t.reference_id}`,
            expected: signed.toString(),
            actual: "0",
            difference: signed.toString(),
            note: `store-credit ${t.type} made outside the ledger (${t.note || t.reference})`,
          })
        }
      }
      if (accounts.length < BATCH) {
        break
      }
    }
  }
  const currencies = [...new Set([...balances.keys(), ...gl.map((r: any) => r.currency_code)])]
    .filter(wanted)
    .sort()
  for (const currency of currencies) {
    const loyalty = balances.get(currency) ?? zero()
    // Customer deposits is a liability: its balance is the credit side.
    const deposits = toDecimal(gl.find((r: any) => r.currency_code === currency)?.balance ?? 0).negated()
    await writer.total({
      check: "Store credit totals",
      currency_code: currency,
      expected: loyalty.toString(),
      actual: deposits.toString(),
      difference: loyalty.minus(deposits).toString(),
      note: "loyalty balances of customers vs Customer Deposits",
    })
  }
}
