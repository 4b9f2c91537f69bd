import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { advisoryLock } from "../db"
import { AccountingError } from "../errors"
import { addDays } from "../rules/dates"
import { Actor, recordAudit } from "./audit"
import { accessOf } from "../access/roles"
import { ChecklistItem, ledgerChecklist } from "./close-checklist"

/**
 * Refuses a posting dated inside a closed period (PERIOD_CLOSED) or on or
 * before the lock date (PERIOD_LOCKED, unless `actorId` holds periods:manage).
 * FOR SHARE makes a concurrent close wait until this posting commits (and a
 * posting wait for a close in progress), so nothing lands in a period after
 * it was closed.
 */
export async function assertPeriodOpen(knex: Knex, date: string, actorId?: string | null): Promise<void> {
  // One round trip: the covering periods, then the settings row, both FOR SHARE until commit.
  const periods = knex("accounting_period")
    .select("id", "name", "status")
    .where("start_date", "<=", date)
    .andWhere("end_date", ">=", date)
    .whereNull("deleted_at")
    .forShare()
  const {
    rows: [{ covering, lock_date: lockDate }],
  } = await knex.raw(
    `select coalesce((select json_agg(p) from ? p), '[]'::json) as covering, ? as lock_date`,
    [periods, lockDateQuery(knex)]
  )
  const closed = covering.find((p: { status: string }) => p.status === "closed")
  if (closed) {
    throw new AccountingError(
      "PERIOD_CLOSED",
      `${date} falls in the closed period ${closed.name}; reopen it or use a date in an open period`
    )
  }
  if (lockDate && date <= lockDate && !(await canPostBeforeLock(knex, actorId))) {
    throw new AccountingError(
      "PERIOD_LOCKED",
      `${date} is on or before the lock date ${lockDate}; only a user with periods:manage can post there`
    )
  }
}

/** The lock date's row, FOR SHARE so moving it waits for postings in flight. */
const lockDateQuery = (knex: Knex) =>
  knex("accounting_setting")
    .select("lock_date")
    .whereNull("deleted_at")
    .orderBy("created_at")
    .limit(1)
    .forShare()

/** The lock date (YYYY-MM-DD). */
export async function loadLockDate(knex: Knex): Promise<string | null> {
  const row = await lockDateQuery(knex).first()
  return row?.lock_date ?? null
}

/**
 * Whether the admin user may post before the lock date: one who holds
 * periods:manage through the plugin's roles (every admin before the first
 * grant). Store activity (no user) never may.
 */
export async function canPostBeforeLock(knex: Knex, actorId?: string | null): Promise<boolean> {
  if (!actorId) {
    return false
  }
  const { permissions } = await accessOf(knex, actorId)
  return permissions.includes("periods:manage")
}

/**
 * The first day on or after `date` that a posting by store activity may use:
 * after the lock date and outside every closed period (late items, as
 * NetSuite and Intacct post them).
 */
export async function firstOpenDay(knex: Knex, date: string): Promise<string> {
  const lockDate = await loadLockDate(knex)
  let day = lockDate && date <= lockDate ? addDays(lockDate, 1) : date
  const closed = await knex("accounting_period")
    .select("start_date", "end_date")
    .where({ status: "closed" })
    .andWhere("end_date", ">=", day)
    .whereNull("deleted_at")
    .orderBy("start_date")
  for (const period of closed) {
    if (period.start_date <= day && period.end_date >= day) {
      day = addDays(period.end_date, 1)
    }
  }
  return day
}

export type PeriodInput = { name: string; start_date: string; end_date: string }

/**
 * Who closes or reopens a period, and why (kept in the audit trail). A close
 * may be `force`d past blocking checklist items (with a reason); `checklist`
 * carries the items computed outside the ledger (reconciliation).
 */
export type PeriodChange = Actor & { reason?: string | null; force?: boolean; checklist?: ChecklistItem[] }

export async function createPeriod(knex: Knex, input: PeriodInput, actor: Actor) {
  if (input.end_date < input.start_date) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "end_date must be on or after start_date")
  }
  // Serialise period creation so two overlapping ranges cannot both pass the check.
  await advisoryLock(knex, "accounting:periods")
  const overlap = await knex("accounting_period")
    .where("start_date", "<=", input.end_date)
    .andWhere("end_date", ">=", input.start_date)
    .whereNull("deleted_at")
    .first()
  if (overlap) {
    throw new AccountingError(
      "PERIOD_OVERLAP",
      `${input.start_date}..${input.end_date} overlaps the period ${overlap.name} (${overlap.start_date}..${overlap.end_date})`
    )
  }
  const [period] = await knex("accounting_period")
    .insert({ id: generateEntityId(undefined, "aper"), status: "open", ...input })
    .returning("*")
  await recordAudit(knex, {
    entity_type: "period",
    entity_id: period.id,
    action: "create",
    to_status: "open",
    ...actor,
  })
  return period
}

/**
 * Closes a period. The row lock waits for postings in flight (they hold it
 * FOR SHARE); refunds reserved but not yet posted in the range refuse the close.
 */
export async function closePeriod(knex: Knex, id: string, { reason, force, checklist, ...actor }: PeriodChange) {
  const period = await knex("accounting_period").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!period) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Period ${id} was not found`)
  }
  if (period.status === "closed") {
    throw new AccountingError("PERIOD_CLOSED", `Period ${period.name} is already closed`)
  }
  const inFlight = await knex("accounting_customer_refund")
    .where({ status: "posting" })
    .whereBetween("refund_date", [period.start_date, period.end_date])
    .whereNull("deleted_at")
    .first()
  if (inFlight) {
    throw new AccountingError(
      "POSTING_IN_PROGRESS",
      `Refund ${inFlight.id} dated ${inFlight.refund_date} is being posted; close the period once it finishes`
    )
  }
  // Under the period's row lock: nothing posts in it while the list is read.
  const items = [...(await ledgerChecklist(knex, period)), ...(checklist ?? [])]
  const blocking = items.filter((i) => i.blocking && i.count > 0)
  if (blocking.length && !force) {
    throw new AccountingError(
      "PERIOD_CHECKLIST_BLOCKED",
      `Period ${period.name} cannot close yet: ${blocking
        .map((i) => `${i.label} (${i.count})`)
        .join("; ")}. Clear them, or force the close with a reason (periods:manage)`
    )
  }
  if (blocking.length && !reason) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A forced close needs a reason")
  }
  const [closed] = await knex("accounting_period")
    .where({ id })
    .update({
      status: "closed",
      closed_by: actor.actor_id ?? null,
      // After every posting holding the period FOR SHARE has committed.
      closed_at: knex.raw("clock_timestamp()"),
      updated_at: knex.fn.now(),
    })
    .returning("*")
  await recordAudit(knex, {
    entity_type: "period",
    entity_id: id,
    action: "close",
    from_status: "open",
    to_status: "closed",
    data: blocking.length
      ? { reason, forced: true, blocking: Object.fromEntries(blocking.map((i) => [i.key, i.count])) }
      : reason
        ? { reason }
        : null,
    ...actor,
  })
  return closed
}

/** Reopening is allowed but always audited (ACCOUNTING.md §3), with the reason given. */
export async function reopenPeriod(knex: Knex, id: string, { reason, ...actor }: PeriodChange) {
  const period = await knex("accounting_period").where({ id }).whereNull("deleted_at").forUpdate().first()
  if (!period) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Period ${id} was not found`)
  }
  if (period.status === "open") {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Period ${period.name} is already open`)
  }
  const [opened] = await knex("accounting_period")
    .where({ id })
    .update({
      status: "open",
      reopened_by: actor.actor_id ?? null,
      reopened_at: knex.fn.now(),
      updated_at: knex.fn.now(),
    })
    .returning("*")
  await recordAudit(knex, {
    entity_type: "period",
    entity_id: id,
    action: "reopen",
    from_status: "closed",
    to_status: "open",
    data: reason ? { reason } : null,
    ...actor,
  })
  return opened
}
