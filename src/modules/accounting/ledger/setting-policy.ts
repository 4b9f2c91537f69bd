import type { Knex } from "@medusajs/framework/mikro-orm/knex"

/** The settings a posting consults: time zone, future dates, reason codes, approval thresholds. */
export type SettingPolicy = {
  timezone?: string | null
  allow_future_dates?: boolean | null
  reason_codes?: unknown
  approvals?: unknown
}

// async: a knex builder is a thenable that runs its query again on every await.
const read = async (knex: Knex): Promise<SettingPolicy | undefined> =>
  await knex("accounting_setting")
    .select("timezone", "allow_future_dates", "reason_codes", "approvals")
    .whereNull("deleted_at")
    .orderBy("created_at")
    .first()

const perTransaction = new WeakMap<object, Promise<SettingPolicy | undefined>>()

/**
 * The settings row's policy columns, read once per transaction: a refund's
 * checks consult them six times in one transaction. A transaction that
 * writes settings forgets its copy (forgetSettingPolicy); a change another
 * transaction commits meanwhile applies from the next transaction on.
 * Outside a transaction (the pool) every call reads.
 */
export function loadSettingPolicy(knex: Knex): Promise<SettingPolicy | undefined> {
  if (!(knex as Knex.Transaction).isTransaction) {
    return read(knex)
  }
  let policy = perTransaction.get(knex)
  if (!policy) {
    policy = read(knex)
    perTransaction.set(knex, policy)
    // A failed read is not kept.
    policy.catch(() => perTransaction.delete(knex))
  }
  return policy
}

export function forgetSettingPolicy(knex: Knex): void {
  perTransaction.delete(knex)
}
