import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { loadSettingPolicy } from "../ledger/setting-policy"
import {
  APPROVAL_DOCUMENT_TYPES,
  approvalRequired,
  ApprovalDocumentType,
  ApprovalStatus,
  ApprovalThresholds,
  draftApprovalStatus,
} from "../rules/approval"
import { MoneyLike, readMoney } from "../rules/money"

/** Where each approvable document lives and which money column is its amount (rules/approval.ts lists the types). */
const DOCUMENTS: Record<ApprovalDocumentType, { table: string; amount: string }> = {
  customer_refund: { table: "accounting_customer_refund", amount: "total" },
  credit_memo: { table: "accounting_credit_memo", amount: "total" },
  write_off: { table: "accounting_write_off", amount: "amount" },
}
const tableOf = (type: ApprovalDocumentType) => DOCUMENTS[type].table
const amountOf = (type: ApprovalDocumentType, doc: any) => readMoney(doc, DOCUMENTS[type].amount)

const APPROVAL_COLUMNS = [
  "approval_status",
  "approved_by",
  "approved_at",
  "rejected_by",
  "rejected_at",
  "rejection_reason",
] as const
export type ApprovalState = { [K in (typeof APPROVAL_COLUMNS)[number]]: any }

export async function loadApprovalThresholds(knex: Knex): Promise<ApprovalThresholds> {
  const row = await loadSettingPolicy(knex)
  return (row?.approvals ?? {}) as ApprovalThresholds
}

const label = (type: ApprovalDocumentType, doc: any) =>
  `${APPROVAL_DOCUMENT_TYPES[type].label} ${doc.number ?? doc.id}`

async function lockDocument(knex: Knex, type: ApprovalDocumentType, id: string) {
  const doc = await knex(tableOf(type)).where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!doc) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `${APPROVAL_DOCUMENT_TYPES[type].label} ${id} was not found`)
  }
  return doc
}

const required = async (knex: Knex, type: ApprovalDocumentType, doc: any) =>
  approvalRequired(await loadApprovalThresholds(knex), type, doc.currency_code, amountOf(type, doc))

/**
 * The approval columns a draft is written with when it is created or
 * changed: pending when it is above the threshold (an approval given before
 * the change no longer counts).
 */
export async function draftApproval(
  knex: Knex,
  type: ApprovalDocumentType,
  currencyCode: string,
  amount: MoneyLike
): Promise<ApprovalState> {
  const thresholds = await loadApprovalThresholds(knex)
  return {
    approval_status: draftApprovalStatus(approvalRequired(thresholds, type, currencyCode, amount)),
    approved_by: null,
    approved_at: null,
    rejected_by: null,
    rejected_at: null,
    rejection_reason: null,
  }
}

/** Refuses to post a document above the threshold that a second person has not approved. */
export async function assertApproved(knex: Knex, type: ApprovalDocumentType, doc: any): Promise<void> {
  if (doc.approval_status === "approved" || !(await required(knex, type, doc))) {
    return
  }
  const state = doc.approval_status === "rejected" ? `was rejected (${doc.rejection_reason})` : "is awaiting approval"
  throw new AccountingError(
    "APPROVAL_REQUIRED",
    `${label(type, doc)} ${state}: above the approval threshold it needs a second user holding ${APPROVAL_DOCUMENT_TYPES[type].permission}`
  )
}

const stateOf = (doc: any): ApprovalState =>
  Object.fromEntries(APPROVAL_COLUMNS.map((c) => [c, doc[c] ?? null])) as ApprovalState

/** Approves a draft above the threshold; never by its creator. Returns the state before (for compensation). */
export async function approveDocument(
  knex: Knex,
  type: ApprovalDocumentType,
  id: string,
  actor: Actor
): Promise<ApprovalState> {
  const doc = await lockDocument(knex, type, id)
  if (doc.status !== "draft") {
    throw new AccountingError("NOT_AWAITING_APPROVAL", `${label(type, doc)} is ${doc.status}; only drafts are approved`)
  }
  if (doc.approval_status === "approved" || !(await required(knex, type, doc))) {
    throw new AccountingError(
      "NOT_AWAITING_APPROVAL",
      doc.approval_status === "approved"
        ? `${label(type, doc)} is already approved`
        : `${label(type, doc)} is within the approval threshold and needs no approval`
    )
  }
  if (doc.created_by && doc.created_by === actor.actor_id) {
    throw new AccountingError(
      "SAME_USER_APPROVAL",
      `${label(type, doc)} was created by you; another user holding ${APPROVAL_DOCUMENT_TYPES[type].permission} must approve it`
    )
  }
  const before = stateOf(doc)
  const after = {
    approval_status: "approved" as ApprovalStatus,
    approved_by: actor.actor_id ?? null,
    approved_at: new Date(),
    rejected_by: null,
    rejected_at: null,
    rejection_reason: null,
  }
  await knex(tableOf(type)).where({ id }).update(after)
  await recordAudit(knex, {
    entity_type: type,
    entity_id: id,
    action: "approve",
    before: { approval_status: before.approval_status },
    after: { approval_status: "approved", total: amountOf(type, doc).toString(), currency_code: doc.currency_code },
    ...actor,
  })
  return before
}

/** Sends a draft back to its creator with a reason. Returns the state before (for compensation). */
export async function rejectDocument(
  knex: Knex,
  type: ApprovalDocumentType,
  id: string,
  reason: string,
  actor: Actor
): Promise<ApprovalState> {
  const doc = await lockDocument(knex, type, id)
  if (doc.status !== "draft" || !["pending", "approved"].includes(doc.approval_status)) {
    throw new AccountingError(
      "NOT_AWAITING_APPROVAL",
      `${label(type, doc)} is ${doc.status === "draft" ? `not awaiting approval (${doc.approval_status})` : doc.status}`
    )
  }
  const before = stateOf(doc)
  await knex(tableOf(type)).where({ id }).update({
    approval_status: "rejected",
    approved_by: null,
    approved_at: null,
    rejected_by: actor.actor_id ?? null,
    rejected_at: new Date(),
    rejection_reason: reason,
  })
  await recordAudit(knex, {
    entity_type: type,
    entity_id: id,
    action: "reject",
    before: { approval_status: before.approval_status },
    after: { approval_status: "rejected", reason },
    ...actor,
  })
  return before
}

/** Puts an approval state back (compensation of approve/reject), while the document is a draft. */
export async function restoreApproval(
  knex: Knex,
  type: ApprovalDocumentType,
  id: string,
  state: ApprovalState,
  actor: Actor
): Promise<void> {
  const doc = await lockDocument(knex, type, id)
  if (doc.status !== "draft") {
    return
  }
  await knex(tableOf(type)).where({ id }).update(state)
  await recordAudit(knex, { entity_type: type, entity_id: id, action: "approval_restored", after: state, ...actor })
}

/** Drafts awaiting approval, oldest first, of the given types. */
export async function approvalQueue(knex: Knex, types: ApprovalDocumentType[], limit = 100, offset = 0) {
  if (!types.length) {
    return { rows: [], count: 0 }
  }
  const union = types
    .map(
      (t) => `select '${t}' as document_type, id, number, customer_id, currency_code,
                     ${DOCUMENTS[t].amount} as total, raw_${DOCUMENTS[t].amount} as raw_total, created_by,
                     created_at, approval_status from ${tableOf(t)}
               where status = 'draft' and approval_status = 'pending' and deleted_at is null`
    )
    .join(" union all ")
  const { rows } = await knex.raw(`select * from (${union}) q order by created_at, id limit ? offset ?`, [limit, offset])
  const { rows: counted } = await knex.raw(`select count(*)::int as n from (${union}) q`)
  return {
    rows: rows.map((r: any) => ({ ...r, total: readMoney(r, "total").toString(), raw_total: undefined })),
    count: counted[0].n as number,
  }
}
