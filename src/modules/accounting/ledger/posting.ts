import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { loadAccountMap } from "./settings"
import { assertBalanced } from "../rules/balance"
import { entryHash } from "../rules/entry-hash"
import { MoneyLike, rawMoney, toDecimal } from "../rules/money"
import { advisoryLock } from "../db"
import { assertDateAllowed } from "./clock"
import { assertPeriodOpen } from "./periods"
import { CHAIN_SEQUENCE, nextDocumentNumber, nextSequenceValue } from "./sequences"

export type EntryLineInput = {
  account_id: string
  debit?: MoneyLike
  credit?: MoneyLike
  description?: string | null
  customer_id?: string | null
  order_id?: string | null
}

export type EntryInput = {
  entry_date: string
  currency_code: string
  memo?: string | null
  source_type?: string | null
  source_id?: string | null
  source_kind?: string | null
  origin?: string
  actor_id?: string | null
  reversal_of_id?: string | null
  metadata?: Record<string, unknown> | null
  /** The day the item happened, when it is posted later on the first open day. */
  original_date?: string | null
  lines: EntryLineInput[]
}

export type EntryRow = {
  id: string
  number: string | null
  status: "draft" | "posted" | "reversed"
  entry_date: string
  currency_code: string
  memo: string | null
  source_type: string | null
  source_id: string | null
  source_kind: string | null
  reversal_of_id: string | null
  reversed_by_id: string | null
  posted_by: string | null
  chain_seq: number | null
  prev_hash: string | null
  hash: string | null
  created_by?: string | null
  original_date?: string | null
}

export type LineRow = {
  id: string
  line_no: number
  account_id: string
  debit: string
  credit: string
  raw_debit: { value: string }
  raw_credit: { value: string }
  description: string | null
  customer_id: string | null
  order_id: string | null
}

/** Refuses lines on unknown or inactive accounts. */
async function assertAccountsUsable(knex: Knex, accountIds: string[]): Promise<void> {
  const ids = [...new Set(accountIds)]
  const { rows } = await knex.raw(
    `select id, code, active from accounting_account where id = any(?) and deleted_at is null`,
    [ids]
  )
  for (const id of ids) {
    const account = rows.find((r: { id: string }) => r.id === id)
    if (!account) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Account ${id} does not exist`)
    }
    if (!account.active) {
      throw new AccountingError("ACCOUNT_INACTIVE", `Account ${account.code} is inactive`)
    }
  }
}

/**
 * Manual entries stay off the AR control account: it is posted only with the
 * subledger documents (orders, credit memos, refunds) so the two always agree.
 */
export async function assertNoControlAccount(knex: Knex, accountIds: string[]): Promise<void> {
  const ar = (await loadAccountMap(knex)).role.ar
  if (ar && accountIds.includes(ar)) {
    const account = await knex("accounting_account").select("code", "name").where({ id: ar }).first()
    throw new AccountingError(
      "CONTROL_ACCOUNT",
      `Account ${account?.code} ${account?.name} is the AR control account: it is posted only through orders, credit memos and customer refunds`
    )
  }
}

/** Inserts an entry and its lines as a draft (no number, no hash). */
export async function insertDraftEntry(knex: Knex, input: EntryInput): Promise<string> {
  await assertDateAllowed(knex, input.entry_date)
  return (await insertDraft(knex, input)).entry.id
}

async function insertDraft(knex: Knex, input: EntryInput): Promise<{ entry: EntryRow; lines: LineRow[] }> {
  assertBalanced(input.lines, input.currency_code)
  await assertAccountsUsable(
    knex,
    input.lines.map((l) => l.account_id)
  )
  const [entry] = await knex("accounting_journal_entry")
    .insert({
      id: generateEntityId(undefined, "je"),
      status: "draft",
      entry_date: input.entry_date,
      currency_code: input.currency_code.toLowerCase(),
      memo: input.memo ?? null,
      source_type: input.source_type ?? null,
      source_id: input.source_id ?? null,
      source_kind: input.source_kind ?? null,
      origin: input.origin ?? "api",
      created_by: input.actor_id ?? null,
      reversal_of_id: input.reversal_of_id ?? null,
      metadata: input.metadata ?? null,
      original_date: input.original_date ?? null,
    })
    .returning("*")
  return { entry, lines: await insertLines(knex, entry.id, input.lines) }
}

async function insertLines(knex: Knex, entryId: string, lines: EntryLineInput[]): Promise<LineRow[]> {
  const rows: LineRow[] = await knex("accounting_journal_line").insert(
    lines.map((line, i) => {
      const debit = toDecimal(line.debit)
      const credit = toDecimal(line.credit)
      return {
        id: generateEntityId(undefined, "jel"),
        entry_id: entryId,
        account_id: line.account_id,
        line_no: i + 1,
        debit: debit.toString(),
        raw_debit: rawMoney(debit),
        credit: credit.toString(),
        raw_credit: rawMoney(credit),
        description: line.description ?? null,
        customer_id: line.customer_id ?? null,
        order_id: line.order_id ?? null,
      }
    }),
    "*"
  )
  return rows.sort((a, b) => a.line_no - b.line_no)
}

/** Loads a draft for a change, refusing posted entries (IMMUTABLE). */
async function lockDraft(knex: Knex, id: string, action: string): Promise<EntryRow> {
  const entry = await loadEntry(knex, id, { forUpdate: true })
  if (entry.status !== "draft") {
    throw new AccountingError(
      "IMMUTABLE",
      `Journal entry ${entry.number} is posted and cannot be ${action}; reverse it instead`
    )
  }
  return entry
}

export type DraftUpdate = Partial<Pick<EntryInput, "entry_date" | "memo" | "lines">>

/** Edits a draft: header fields and, when given, the whole set of lines. */
export async function updateDraftEntry(knex: Knex, id: string, update: DraftUpdate): Promise<void> {
  const entry = await lockDraft(knex, id, "edited")
  await assertDateAllowed(knex, update.entry_date)
  if (update.lines) {
    assertBalanced(update.lines, entry.currency_code)
    await assertAccountsUsable(
      knex,
      update.lines.map((l) => l.account_id)
    )
    await knex("accounting_journal_line").where({ entry_id: id }).del()
    await insertLines(knex, id, update.lines)
  }
  const header = {
    ...(update.entry_date !== undefined && { entry_date: update.entry_date }),
    ...(update.memo !== undefined && { memo: update.memo }),
  }
  await knex("accounting_journal_entry")
    .where({ id })
    .update({ ...header, updated_at: knex.fn.now() })
}

export async function deleteDraftEntry(knex: Knex, id: string): Promise<void> {
  await lockDraft(knex, id, "deleted")
  await knex("accounting_journal_entry").where({ id }).del()
}

export async function loadEntry(knex: Knex, id: string, { forUpdate = false } = {}): Promise<EntryRow> {
  const q = knex("accounting_journal_entry").where({ id }).whereNull("deleted_at").first()
  const row = await (forUpdate ? q.forUpdate() : q)
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Journal entry ${id} was not found`)
  }
  return row
}

export async function loadLines(knex: Knex, entryId: string): Promise<LineRow[]> {
  return knex("accounting_journal_line")
    .where({ entry_id: entryId })
    .whereNull("deleted_at")
    .orderBy("line_no")
}

/**
 * Posts a draft: checks balance, accounts and period, takes the next JE number
 * and chain position, and seals the entry with its hash.
 */
export async function postDraftEntry(knex: Knex, id: string, actorId?: string | null): Promise<EntryRow> {
  const entry = await loadEntry(knex, id, { forUpdate: true })
  if (entry.status !== "draft") {
    throw new AccountingError("ALREADY_POSTED", `Journal entry ${entry.number ?? id} is already posted`)
  }
  await assertDateAllowed(knex, entry.entry_date)
  const lines = await loadLines(knex, id)
  assertBalanced(
    lines.map((l) => ({ debit: l.raw_debit.value, credit: l.raw_credit.value })),
    entry.currency_code
  )
  await assertAccountsUsable(
    knex,
    lines.map((l) => l.account_id)
  )
  return await sealEntry(knex, entry, lines, actorId)
}

/**
 * Posts a checked draft: period open, next JE number and chain position, and
 * the hash that seals it.
 */
async function sealEntry(
  knex: Knex,
  entry: EntryRow,
  lines: LineRow[],
  actorId?: string | null,
  { periodChecked = false } = {}
): Promise<EntryRow> {
  if (!periodChecked) {
    // (A check holds the period row shared until commit: it cannot close meanwhile.)
    await assertPeriodOpen(knex, entry.entry_date, actorId ?? entry.created_by)
  }
  const number = await nextDocumentNumber(knex, "journal_entry")
  const { value: chainSeq } = await nextSequenceValue(knex, CHAIN_SEQUENCE)
  // The chain counter's row lock is held: the previous link is committed.
  // (`deleted_at is null` matches the partial unique index: without it, a scan of the journal.)
  const prev =
    chainSeq > 1
      ? await knex("accounting_journal_entry")
          .select("hash")
          .where({ chain_seq: chainSeq - 1 })
          .whereNull("deleted_at")
          .first()
      : null
  const sealed = {
    ...entry,
    number,
    posted_by: actorId ?? null,
    chain_seq: chainSeq,
    prev_hash: prev?.hash ?? null,
  }
  const hash = entryHash(
    sealed,
    lines.map((l) => ({ ...l, debit: l.raw_debit.value, credit: l.raw_credit.value }))
  )
  const [posted] = await knex("accounting_journal_entry")
    .where({ id: entry.id })
    .update({
      status: "posted",
      number,
      posted_by: sealed.posted_by,
      // The moment of posting (now() would be the transaction start).
      posted_at: knex.raw("clock_timestamp()"),
      chain_seq: chainSeq,
      prev_hash: sealed.prev_hash,
      hash,
      updated_at: knex.fn.now(),
    })
    .returning("*")
  return posted
}

export type PostResult = { entry: EntryRow; created: boolean }

/**
 * Creates and posts an entry in one go. With a source key (type + id + kind)
 * it posts at most once: a second call returns the first entry, created=false.
 */
export async function postEntry(knex: Knex, input: EntryInput): Promise<PostResult> {
  if (input.source_type && input.source_id && input.source_kind) {
    await advisoryLock(knex, `je:${input.source_type}:${input.source_id}:${input.source_kind}`)
    const existing = await knex("accounting_journal_entry")
      .where({
        source_type: input.source_type,
        source_id: input.source_id,
        source_kind: input.source_kind,
      })
      .whereNull("deleted_at")
      .first()
    if (existing) {
      return { entry: existing, created: false }
    }
  }
  // Checked as it was inserted: sealed without reading it back.
  const draft = await insertDraft(knex, input)
  const deferred = deferredSeals.get(knex)
  if (deferred) {
    // Sealed by sealAtEnd when the caller's other writes are done (the period is checked now).
    await assertPeriodOpen(knex, draft.entry.entry_date, input.actor_id)
    deferred.push({ ...draft, actorId: input.actor_id })
    return { entry: draft.entry, created: true }
  }
  return { entry: await sealEntry(knex, draft.entry, draft.lines, input.actor_id), created: true }
}

type PendingSeal = { entry: EntryRow; lines: LineRow[]; actorId?: string | null }

/** Transactions running under sealAtEnd, and the entries waiting for their number and chain link. */
const deferredSeals = new WeakMap<Knex, PendingSeal[]>()

/**
 * Runs `fn` (a posting path: entries plus the subledger writes that go with
 * them) and seals its entries only at the end: the JE number and the hash
 * chain rows that every posting waits on are taken in a few short final
 * statements just before commit, not held while the rest of `fn` runs.
 * Entries postEntry returns inside `fn` have no number yet; the sealed rows
 * are returned by id. Must run inside the transaction that commits them.
 */
export async function sealAtEnd<T>(
  knex: Knex,
  fn: () => Promise<T>
): Promise<{ result: T; sealed: Map<string, EntryRow> }> {
  if (deferredSeals.has(knex)) {
    // Nested: the outer call seals.
    return { result: await fn(), sealed: new Map() }
  }
  const pending: PendingSeal[] = []
  deferredSeals.set(knex, pending)
  let result: T
  try {
    result = await fn()
  } finally {
    deferredSeals.delete(knex)
  }
  const sealed = new Map<string, EntryRow>()
  for (const p of pending) {
    sealed.set(p.entry.id, await sealEntry(knex, p.entry, p.lines, p.actorId, { periodChecked: true }))
  }
  return { result, sealed }
}

export type ReverseInput = {
  date: string
  memo?: string | null
  actor_id?: string | null
  origin?: string
  source_type?: string | null
  source_id?: string | null
  source_kind?: string | null
  /**
   * Accounts the money no longer sits in, and where it went since: a deposited
   * check that bounces comes back out of the bank, not out of Undeposited Funds.
   */
  replace_accounts?: Record<string, string>
}

/**
 * Posts the mirror of a posted entry on `date` (on or after the original, in
 * an open period) and marks the original reversed: Intacct's Reversed/Reversal pair.
 */
export async function reverseEntry(
  knex: Knex,
  id: string,
  input: ReverseInput
): Promise<{ original: EntryRow; reversal: EntryRow }> {
  const original = await loadEntry(knex, id, { forUpdate: true })
  if (original.status === "draft") {
    throw new AccountingError("NOT_POSTED", `Journal entry ${id} is a draft; delete it instead`)
  }
  if (original.status === "reversed") {
    throw new AccountingError(
      "ALREADY_REVERSED",
      `Journal entry ${original.number} is already reversed by ${original.reversed_by_id}`
    )
  }
  if (input.date < original.entry_date) {
    throw new AccountingError(
      "DATE_BEFORE_ORIGINAL",
      `The reversal date ${input.date} is before the entry date ${original.entry_date}`
    )
  }
  // Voids and reversals are what a person dates (order sync never reverses).
  await assertDateAllowed(knex, input.date)
  const lines = await loadLines(knex, id)
  const { entry: reversal } = await postEntry(knex, {
    entry_date: input.date,
    currency_code: original.currency_code,
    memo: input.memo ?? `Reversal of ${original.number}`,
    source_type: input.source_type ?? "journal_entry",
    source_id: input.source_id ?? original.id,
    source_kind: input.source_kind ?? "reversal",
    origin: input.origin,
    actor_id: input.actor_id,
    reversal_of_id: original.id,
    lines: lines.map((l) => ({
      account_id: input.replace_accounts?.[l.account_id] ?? l.account_id,
      debit: l.raw_credit.value,
      credit: l.raw_debit.value,
      description: l.description,
      customer_id: l.customer_id,
      order_id: l.order_id,
    })),
  })
  const [updated] = await knex("accounting_journal_entry")
    .where({ id })
    .update({ status: "reversed", reversed_by_id: reversal.id, updated_at: knex.fn.now() })
    .returning("*")
  return { original: updated, reversal }
}
