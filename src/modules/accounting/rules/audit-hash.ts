import { createHash } from "crypto"
import { canonicalJson } from "./canonical-json"

export type HashableAuditEvent = {
  id: string
  entity_type: string
  entity_id: string
  action: string
  from_status: string | null
  to_status: string | null
  actor_id: string | null
  origin: string
  data: unknown
  before: unknown
  after: unknown
  /** created_at as text at microsecond precision (UTC). */
  created_text: string
  chain_seq: number
  prev_hash: string | null
}

/**
 * The hash of an audit row covers every column that says what happened and
 * the previous row's hash, so editing, deleting or re-ordering a sealed row
 * breaks the chain from that row on (as entryHash does for the journal).
 */
export function auditEventHash(e: HashableAuditEvent): string {
  return createHash("sha256")
    .update(
      canonicalJson([
        e.id,
        e.entity_type,
        e.entity_id,
        e.action,
        e.from_status,
        e.to_status,
        e.actor_id,
        e.origin,
        e.data,
        e.before,
        e.after,
        e.created_text,
        e.chain_seq,
        e.prev_hash,
      ])
    )
    .digest("hex")
}
