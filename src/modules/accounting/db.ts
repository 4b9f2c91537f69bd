import { Context } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"

/**
 * The module's MikroORM manager. Context types its managers as unknown: the
 * module's data layer puts a SqlEntityManager there.
 */
const managerOf = (ctx: Context) => (ctx.transactionManager ?? ctx.manager) as SqlEntityManager | undefined

/** The knex transaction of a @InjectTransactionManager method's context. */
export function trx(ctx: Context): Knex.Transaction {
  const knex = managerOf(ctx)?.getTransactionContext?.<Knex.Transaction>()
  if (!knex) {
    // Locks taken outside a transaction would be released at once.
    throw new MedusaError(
      MedusaError.Types.UNEXPECTED_STATE,
      "Accounting postings must run inside a transaction"
    )
  }
  return knex
}

/** A read connection: the transaction if there is one, else the pool. */
export function reader(ctx: Context): Knex {
  const manager = managerOf(ctx)!
  return manager.getTransactionContext?.<Knex.Transaction>() ?? manager.getKnex()
}

/**
 * Serialises work on one key across every process sharing the database
 * (released at commit/rollback).
 */
export async function advisoryLock(knex: Knex, key: string): Promise<void> {
  await knex.raw("select pg_advisory_xact_lock(hashtextextended(?, 0))", [key])
}

/** Fail fast instead of queueing forever behind a lock (reported as LOCK_TIMEOUT). */
export async function setLockTimeout(knex: Knex, ms = 15_000): Promise<void> {
  await knex.raw(`set local lock_timeout = ${Math.floor(ms)}`)
}
