import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { AccountingError } from "../errors"
import { assertPaymentAccount } from "../rules/payment-account"
import { AccountMap, AccountRole } from "../rules/roles"
import { CHAIN_SEQUENCE, SequenceType } from "./sequences"
import { POSTING_SOURCES } from "../options"
import type { ApprovalDocumentType } from "../rules/approval"
import { resolveReasonCodes } from "../rules/reason-codes"
import { mergeReasonCodes, ReasonCodesUpdate } from "./reason-codes"
import { forgetSettingPolicy } from "./setting-policy"

export type SettingsUpdate = {
  role_accounts?: Partial<Record<AccountRole, string>>
  method_accounts?: Record<string, string | null>
  provider_accounts?: Record<string, string | null>
  sequences?: { type: SequenceType; prefix?: string; padding?: number; next_value?: number }[]
  payment_terms?: {
    default_days?: number
    customer_groups?: { customer_group_id: string; days: number }[]
  }
  aging_buckets?: number[]
  auto_credit_memo_on_return?: boolean
  posting?: Record<string, boolean>
  timezone?: string
  allow_future_dates?: boolean
  /** Per document type: currency -> threshold (decimal string); null removes the type's thresholds. */
  approvals?: Partial<Record<ApprovalDocumentType, Record<string, string> | null>>
  late_items_to_open_period?: boolean
  lock_date?: string | null
  /** Per document type: `required` and/or the whole list of codes (none dropped). */
  reason_codes?: ReasonCodesUpdate
}

type MappingRow = { kind: keyof AccountMap; key: string; account_id: string }

export async function loadAccountMap(knex: Knex): Promise<AccountMap> {
  const rows: MappingRow[] = await knex("accounting_account_mapping")
    .select("kind", "key", "account_id")
    .whereNull("deleted_at")
  const map: AccountMap = { role: {}, method: {}, provider: {} }
  for (const row of rows) {
    const accounts: Record<string, string> = map[row.kind]
    accounts[row.key] = row.account_id
  }
  return map
}

/** The account of a role, or ACCOUNT_NOT_MAPPED naming the setting to fix. */
export function roleAccount(map: AccountMap, role: AccountRole): string {
  const id = map.role[role]
  if (!id) {
    throw new AccountingError(
      "ACCOUNT_NOT_MAPPED",
      `No account is mapped to the role "${role}" (settings → role_accounts)`
    )
  }
  return id
}

/** The settings postings read: terms, aging buckets and the automatic-posting toggles. */
export async function loadPostingSettings(knex: Knex) {
  // One round trip: every posting reads them.
  const {
    rows: [{ setting, terms }],
  } = await knex.raw(`
    select (select to_jsonb(s) from accounting_setting s where s.deleted_at is null order by s.created_at limit 1) as setting,
           coalesce((select jsonb_agg(jsonb_build_object('customer_group_id', t.customer_group_id, 'days', t.days)
                                      order by t.customer_group_id)
                       from accounting_payment_term t where t.deleted_at is null), '[]'::jsonb) as terms`)
  return {
    payment_terms: {
      default_days: Number(setting?.default_payment_terms_days ?? 0),
      customer_groups: (terms as { customer_group_id: string; days: number }[]).map((t) => ({ ...t, days: Number(t.days) })),
    },
    aging_buckets: (setting?.aging_buckets?.days ?? [30, 60, 90]) as number[],
    auto_credit_memo_on_return: !!setting?.auto_credit_memo_on_return,
    timezone: (setting?.timezone ?? "UTC") as string,
    allow_future_dates: !!setting?.allow_future_dates,
    late_items_to_open_period: !!setting?.late_items_to_open_period,
    lock_date: (setting?.lock_date ?? null) as string | null,
    posting: { ...DEFAULT_POSTING, ...(setting?.posting ?? {}) } as Record<string, boolean>,
    approvals: (setting?.approvals ?? {}) as Partial<Record<ApprovalDocumentType, Record<string, string>>>,
    reason_codes: resolveReasonCodes(setting?.reason_codes),
  }
}

/** Everything the settings page shows: the posting settings, mappings with their accounts, sequences. */
export async function loadSettings(knex: Knex) {
  const map = await loadAccountMap(knex)
  const sequences = await knex("accounting_document_sequence")
    .select("type", "prefix", "padding", "next_value")
    .whereNull("deleted_at")
    .whereNot("type", CHAIN_SEQUENCE)
    .orderBy("type")
  const accounts = await knex("accounting_account")
    .select("id", "code", "name", "type")
    .whereNull("deleted_at")
  const byId = new Map(accounts.map((a: any) => [a.id, a]))
  const expand = (m: Record<string, string>) =>
    Object.fromEntries(Object.entries(m).map(([k, id]) => [k, byId.get(id) ?? { id }]))
  return {
    role_accounts: expand(map.role as Record<string, string>),
    method_accounts: expand(map.method),
    provider_accounts: expand(map.provider),
    sequences: sequences.map((s: any) => ({
      ...s,
      padding: Number(s.padding),
      next_value: Number(s.next_value),
    })),
    ...(await loadPostingSettings(knex)),
  }
}

/** Which store activity posts automatically (all on by default). */
export const DEFAULT_POSTING = Object.fromEntries(POSTING_SOURCES.map((s) => [s, true])) as Record<
  (typeof POSTING_SOURCES)[number],
  boolean
>

async function upsertMappings(
  knex: Knex,
  kind: "role" | "method" | "provider",
  entries: Record<string, string | null>
) {
  const ids = Object.values(entries).filter((v): v is string => !!v)
  const accounts = ids.length
    ? await knex("accounting_account").whereIn("id", ids).whereNull("deleted_at")
    : []
  const missing = ids.filter((id) => !accounts.some((a: any) => a.id === id))
  if (missing.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown account(s): ${missing.join(", ")}`)
  }
  const map = await loadAccountMap(knex)
  const isArRole = (key: string) => kind === "role" && key === "ar"
  const arAccount = isArRole("ar") && entries.ar ? entries.ar : map.role.ar
  for (const [key, accountId] of Object.entries(entries)) {
    if (isArRole(key)) {
      await assertArRemapAllowed(knex, map.role.ar, accountId)
      continue
    }
    if (accountId && accountId === arAccount) {
      throw new AccountingError(
        "CONTROL_ACCOUNT",
        `${kind} ${key}: the AR control account is posted only with the subledger; map another account`
      )
    }
    if (accountId && kind !== "role") {
      // A method or provider pays out of (or settles into) this account.
      const account = accounts.find((a: any) => a.id === accountId)
      assertPaymentAccount(account, { arAccountId: arAccount, flagged: false })
      await knex("accounting_account").where({ id: accountId }).update({ is_payment_account: true })
    }
  }
  for (const [key, accountId] of Object.entries(entries)) {
    await knex("accounting_account_mapping").where({ kind, key }).del()
    if (accountId) {
      await knex("accounting_account_mapping").insert({
        id: generateEntityId(undefined, "acmap"),
        kind,
        key,
        account_id: accountId,
      })
    }
  }
}

/**
 * The AR control account cannot move once it carries postings: every past
 * as-of figure reads the current mapping, so the whole history would leave
 * "control" (CONTROL_ACCOUNT_IN_USE). Before the first posting it may move.
 */
async function assertArRemapAllowed(knex: Knex, current: string | undefined, next: string | null) {
  if (!current || current === next) {
    return
  }
  const used = await knex("accounting_journal_line as l")
    .join("accounting_journal_entry as e", "e.id", "l.entry_id")
    .where("l.account_id", current)
    .whereNot("e.status", "draft")
    .first("l.id")
  if (used) {
    throw new AccountingError(
      "CONTROL_ACCOUNT_IN_USE",
      "role_accounts.ar: the AR control account already carries postings and cannot be remapped; rename the account instead"
    )
  }
}

export async function updateSettings(knex: Knex, update: SettingsUpdate): Promise<void> {
  if (update.role_accounts) {
    await upsertMappings(knex, "role", update.role_accounts)
  }
  if (update.method_accounts) {
    await upsertMappings(knex, "method", update.method_accounts)
  }
  if (update.provider_accounts) {
    await upsertMappings(knex, "provider", update.provider_accounts)
  }
  for (const seq of update.sequences ?? []) {
    const current = await knex("accounting_document_sequence")
      .where({ type: seq.type })
      .whereNull("deleted_at")
      .forUpdate()
      .first()
    if (!current) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Unknown sequence ${seq.type}`)
    }
    // Lowering the counter would hand out numbers twice.
    if (seq.next_value !== undefined && seq.next_value < Number(current.next_value)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `sequences.${seq.type}.next_value cannot go below ${current.next_value} (numbers already used)`
      )
    }
    await knex("accounting_document_sequence")
      .where({ id: current.id })
      .update({
        prefix: seq.prefix ?? current.prefix,
        padding: seq.padding ?? current.padding,
        next_value: seq.next_value ?? current.next_value,
        updated_at: knex.fn.now(),
      })
  }
  if (update.payment_terms?.customer_groups) {
    await knex("accounting_payment_term").del()
    if (update.payment_terms.customer_groups.length) {
      await knex("accounting_payment_term").insert(
        update.payment_terms.customer_groups.map((t) => ({
          id: generateEntityId(undefined, "pterm"),
          customer_group_id: t.customer_group_id,
          days: t.days,
        }))
      )
    }
  }
  const scalar: Record<string, unknown> = {}
  if (update.payment_terms?.default_days !== undefined) {
    scalar.default_payment_terms_days = update.payment_terms.default_days
  }
  if (update.aging_buckets) {
    scalar.aging_buckets = JSON.stringify({ days: update.aging_buckets })
  }
  for (const key of [
    "auto_credit_memo_on_return",
    "timezone",
    "allow_future_dates",
    "late_items_to_open_period",
    "lock_date",
  ] as const) {
    if (update[key] !== undefined) {
      scalar[key] = update[key]
    }
  }
  if (update.posting) {
    const current = await knex("accounting_setting").whereNull("deleted_at").first()
    scalar.posting = JSON.stringify({ ...(current?.posting ?? {}), ...update.posting })
  }
  if (update.approvals) {
    const current = await knex("accounting_setting").whereNull("deleted_at").first()
    const next: Record<string, unknown> = { ...(current?.approvals ?? {}) }
    for (const [type, limits] of Object.entries(update.approvals)) {
      if (limits === null || (limits && !Object.keys(limits).length)) {
        delete next[type]
      } else {
        next[type] = limits
      }
    }
    scalar.approvals = JSON.stringify(next)
  }
  if (update.reason_codes) {
    scalar.reason_codes = JSON.stringify(await mergeReasonCodes(knex, update.reason_codes))
  }
  if (Object.keys(scalar).length) {
    forgetSettingPolicy(knex)
    await knex("accounting_setting")
      .whereNull("deleted_at")
      .update({ ...scalar, updated_at: knex.fn.now() })
  }
}
