import { toDecimal } from "../../modules/accounting/rules/money"
import { customerNames } from "../customers"
import { streamQuery } from "../cursor"
import type { ReportContext, ReportDefinition } from "./types"

export type RefundAuditParams = { from: string; to: string; customer_id?: string; status?: string }

/** Credit memos and customer refunds dated, or voided, in the period, with what stands behind them. */
export function refundAuditSql(params: RefundAuditParams) {
  const docFilter = (alias: string) =>
    [
      params.customer_id && `and ${alias}.customer_id = :customer_id`,
      params.status && `and ${alias}.status = :status`,
    ]
      .filter(Boolean)
      .join(" ")
  // Per-row lateral aggregates over the partial (deleted_at is null) indexes:
  // only the period's documents are looked up, not whole tables grouped.
  const history = (entityType: string, alias: string) => `
      left join lateral (
        select string_agg(to_char(created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI') || ' ' || action
                          || coalesce(' by ' || actor_id, '') || ' (' || origin || ')'
                          || case when (data->>'record_only')::boolean then ' record only' else '' end,
                          '; ' order by created_at) as history
          from accounting_audit_event
         where entity_type = '${entityType}' and entity_id = ${alias}.id and deleted_at is null
      ) h on true`
  return `
    select 'credit_memo' as kind, m.id, m.number, m.status, m.customer_id, m.currency_code, m.memo_date as date,
           m.total as amount, null as method, m.reason_code, m.reason as detail, null as payment_id, null as medusa_refund_id,
           je.number as entry, vje.number as void_entry, m.void_date, false as record_only,
           mu.sources, h.history, m.created_by, m.created_at, m.issued_by as posted_by, m.issued_at as posted_at,
           m.voided_by, m.voided_at
      from accounting_credit_memo m
      left join accounting_journal_entry je on je.id = m.journal_entry_id
      left join accounting_journal_entry vje on vje.id = m.void_journal_entry_id
      left join lateral (
        select string_agg(a.kind || ' ' || coalesce(t.number, t.id) || ': ' || (a.raw_amount->>'value')
                          || case when a.unapplied_date is not null then ' (unapplied ' || a.unapplied_date || ')' else '' end,
                          '; ' order by a.application_date) as sources
          from accounting_ar_document d
          join accounting_ar_application a on a.credit_document_id = d.id
          join accounting_ar_document t on t.id = a.debit_document_id
         where d.doc_type = 'credit_memo' and d.source_id = m.id and d.deleted_at is null
           and a.deleted_at is null
      ) mu on true${history("credit_memo", "m")}
     where m.deleted_at is null
       and (m.memo_date between :from and :to or m.void_date between :from and :to) ${docFilter("m")}
    union all
    select 'customer_refund', r.id, r.number, r.status, r.customer_id, r.currency_code, r.refund_date,
           r.total, r.method, r.reason_code, coalesce(r.reference, r.memo), r.payment_id, r.medusa_refund_id,
           je.number, vje.number, r.void_date, r.void_record_only,
           rs.sources, h.history, r.created_by, r.created_at, r.posted_by, r.posted_at, r.voided_by, r.voided_at
      from accounting_customer_refund r
      left join accounting_journal_entry je on je.id = r.journal_entry_id
      left join accounting_journal_entry vje on vje.id = r.void_journal_entry_id
      left join lateral (
        select string_agg(l.source_type || ' ' || coalesce(d.number, l.source_id) || ': ' || (l.raw_amount->>'value'),
                          '; ' order by l.id) as sources
          from accounting_customer_refund_line l
          left join accounting_ar_document d on d.id = l.ar_document_id
         where l.refund_id = r.id and l.deleted_at is null
      ) rs on true${history("customer_refund", "r")}
     where r.deleted_at is null
       and (r.refund_date between :from and :to or r.void_date between :from and :to) ${docFilter("r")}
     order by 7, 3 nulls last, 2`
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 16).replace("T", " ") : "")

/** Who issued, posted and voided every credit memo and refund of a period, from what, and where it is booked. */
export const refundAuditReport: ReportDefinition<RefundAuditParams> = {
  name: "refund-audit",
  meta: (params) => ({
    title: "Refund audit trail",
    subtitle: [
      `Credit memos and customer refunds dated or voided from ${params.from} to ${params.to}`,
      [params.customer_id && `Customer: ${params.customer_id}`, params.status && `Status: ${params.status}`]
        .filter(Boolean)
        .join(", ") || "All customers and statuses",
    ],
    columns: [
      { key: "kind", header: "Type", width: 55 },
      { key: "number", header: "Number", width: 55 },
      { key: "status", header: "Status", width: 42 },
      { key: "date", header: "Date", type: "date", width: 55 },
      { key: "customer", header: "Customer", width: 80 },
      { key: "amount", header: "Amount", type: "money", width: 60 },
      { key: "currency_code", header: "Cur.", width: 26 },
      { key: "method", header: "Method", width: 50 },
      { key: "reason_code", header: "Reason code", width: 60 },
      { key: "detail", header: "Reason / reference", width: 110 },
      { key: "sources", header: "Sources / applications", width: 130 },
      { key: "medusa_ids", header: "Medusa payment / refund", width: 100 },
      { key: "entry", header: "Entry", width: 55 },
      { key: "void_entry", header: "Reversal", width: 55 },
      { key: "posted", header: "Posted by / at", width: 90 },
      { key: "voided", header: "Voided by / at", width: 90 },
      { key: "history", header: "Status history", width: 220 },
    ],
    landscape: true,
    currencyKey: "currency_code",
  }),
  header: (params) => ({
    from: params.from,
    to: params.to,
    customer_id: params.customer_id ?? null,
    status: params.status ?? null,
  }),

  async run(ctx: ReportContext, params, writer) {
    await writer.section("Credit memos and refunds")
    await streamQuery(
      ctx.knex,
      refundAuditSql(params),
      {
        from: params.from,
        to: params.to,
        customer_id: params.customer_id ?? null,
        status: params.status ?? null,
      },
      async (rows) => {
        const names = await customerNames(
          ctx.container,
          rows.map((r) => r.customer_id)
        )
        for (const r of rows) {
          await writer.row({
            kind: r.kind === "credit_memo" ? "Credit memo" : "Refund",
            id: r.id,
            number: r.number ?? "(draft)",
            status: r.status,
            date: r.date,
            customer: names.get(r.customer_id)?.name ?? r.customer_id,
            customer_id: r.customer_id,
            amount: toDecimal(r.amount).toString(),
            currency_code: r.currency_code,
            method: r.method ?? "",
            reason_code: r.reason_code ?? "",
            detail: r.detail ?? "",
            sources: r.sources ?? "",
            medusa_ids: [r.payment_id, r.medusa_refund_id].filter(Boolean).join(" / "),
            entry: r.entry ?? "",
            void_entry: r.void_entry ?? "",
            void_date: r.void_date ?? "",
            record_only: !!r.record_only,
            posted: r.posted_by || r.posted_at ? `${r.posted_by ?? "system"} ${iso(r.posted_at)}` : "",
            voided:
              r.voided_by || r.voided_at
                ? `${r.voided_by ?? "system"} ${iso(r.voided_at)}${r.record_only ? " (record only)" : ""}`
                : "",
            created: `${r.created_by ?? "system"} ${iso(r.created_at)}`,
            history: r.history ?? "",
          })
        }
      }
    )
  },
}
