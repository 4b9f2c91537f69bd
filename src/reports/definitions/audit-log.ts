import { loadReferences } from "../../api/utils/names"
import { streamQuery } from "../cursor"
import type { ReportContext, ReportDefinition } from "./types"

export type AuditLogParams = {
  from: string
  to: string
  actor_id?: string
  action?: string
  entity_type?: string
  entity_id?: string
  /** The store's accounting time zone: `from`/`to` are its days. */
  timezone?: string
}

/** Audit rows of the period (the store's days), oldest first, in chain order. */
export function auditLogSql(p: AuditLogParams) {
  return `
    select e.id, e.chain_seq, e.created_at, e.actor_id, e.origin, e.action, e.entity_type, e.entity_id,
           e.from_status, e.to_status, e.before, e.after, e.data, e.hash
      from accounting_audit_event e
     where (e.created_at at time zone :timezone)::date between :from::date and :to::date
       ${p.actor_id ? "and e.actor_id = :actor_id" : ""}
       ${p.action ? "and e.action = :action" : ""}
       ${p.entity_type ? "and e.entity_type = :entity_type" : ""}
       ${p.entity_id ? "and e.entity_id = :entity_id" : ""}
     order by e.created_at, e.chain_seq nulls last, e.id`
}

const json = (v: unknown) => (v === null || v === undefined ? "" : JSON.stringify(v))

/** Every audited action: who, when, what, the values before and after, its place in the chain. */
export const auditLogReport: ReportDefinition<AuditLogParams> = {
  name: "audit-log",
  meta: (p) => ({
    title: "Audit log",
    subtitle: [
      `Actions from ${p.from} to ${p.to} (${p.timezone ?? "UTC"})`,
      [
        p.actor_id && `User: ${p.actor_id}`,
        p.action && `Action: ${p.action}`,
        p.entity_type && `Record: ${p.entity_type}`,
        p.entity_id && `Id: ${p.entity_id}`,
      ]
        .filter(Boolean)
        .join(", ") || "All users, actions and records",
    ],
    columns: [
      { key: "time", header: "Time (UTC)", width: 80 },
      { key: "user", header: "User", width: 80 },
      { key: "action", header: "Action", width: 50 },
      { key: "entity_type", header: "Record", width: 60 },
      { key: "entity_id", header: "Id", width: 90 },
      { key: "status", header: "Status", width: 60 },
      { key: "before", header: "Before", width: 150 },
      { key: "after", header: "After", width: 150 },
      { key: "data", header: "Details", width: 100 },
      { key: "origin", header: "Origin", width: 40 },
      { key: "chain_seq", header: "Chain #", type: "number", width: 35 },
    ],
    landscape: true,
  }),
  header: (p) => ({
    from: p.from,
    to: p.to,
    actor_id: p.actor_id ?? null,
    action: p.action ?? null,
    entity_type: p.entity_type ?? null,
    entity_id: p.entity_id ?? null,
  }),

  async run(ctx: ReportContext, p, writer) {
    await writer.section("Audit log")
    await streamQuery(
      ctx.knex,
      auditLogSql(p),
      {
        from: p.from,
        to: p.to,
        timezone: p.timezone ?? "UTC",
        actor_id: p.actor_id ?? null,
        action: p.action ?? null,
        entity_type: p.entity_type ?? null,
        entity_id: p.entity_id ?? null,
      },
      async (rows) => {
        const refs = await loadReferences(ctx.container, { user_ids: rows.map((r) => r.actor_id) })
        for (const r of rows) {
          await writer.row({
            id: r.id,
            time: new Date(r.created_at).toISOString().replace("T", " ").slice(0, 19),
            user: r.actor_id ? refs.user(r.actor_id)!.name : "system",
            actor_id: r.actor_id,
            action: r.action,
            entity_type: r.entity_type,
            entity_id: r.entity_id,
            status: r.from_status || r.to_status ? `${r.from_status ?? ""} → ${r.to_status ?? ""}` : "",
            before: json(r.before),
            after: json(r.after),
            data: json(r.data),
            origin: r.origin,
            chain_seq: r.chain_seq === null ? "" : Number(r.chain_seq),
          })
        }
      }
    )
  },
}
