import { z } from "@medusajs/framework/zod"
import { ACCOUNT_TYPES } from "./models/account"
import { REFUND_METHOD_NAME } from "./models/customer-refund"
import { SEQUENCE_TYPES } from "./ledger/sequences"
import { isTimeZone } from "./rules/dates"
import { ACCOUNT_ROLES } from "./rules/roles"

/** Posting toggles per source of store activity (all on by default). */
export const POSTING_SOURCES = ["orders", "order_changes", "cancellations", "payments", "refunds"] as const

const accountCode = z
  .string()
  .regex(/^[A-Za-z0-9.\-]{1,20}$/, { message: "must be an account code (letters, digits, '.', '-')" })

/** How a document sequence may be numbered (options and the settings API). */
export const sequenceFormat = {
  prefix: z
    .string()
    .max(10)
    .regex(/^[A-Za-z0-9\-/]*$/, { message: "may contain letters, digits, '-' and '/'" })
    .optional(),
  padding: z.number().int().min(0).max(12).optional(),
}

const keyed = <K extends string, V extends z.ZodTypeAny>(keys: readonly K[], value: V) =>
  z.strictObject(Object.fromEntries(keys.map((k) => [k, value.optional()])) as Record<K, z.ZodOptional<V>>)

/**
 * Options of the plugin (or of the module registered by path), in
 * medusa-config.ts. Accounts are named by code so one config fits every
 * environment. They are applied to the settings at startup whenever they
 * differ from the options applied last; edits in the admin win until then.
 */
export const AccountingOptionsSchema = z.strictObject({
  /** Accounts added to the chart if no account has their code yet. */
  accounts: z
    .array(
      z.strictObject({
        code: accountCode,
        name: z.string().min(1).max(200),
        type: z.enum(ACCOUNT_TYPES),
      })
    )
    .max(500)
    .optional(),
  /** Posting role → account code (ar, sales, bank, ...). */
  default_accounts: keyed(ACCOUNT_ROLES, accountCode).optional(),
  /** Refund method → account code that pays it out; a new name adds a method (e.g. paypal). */
  method_accounts: z
    .record(
      z.string().regex(REFUND_METHOD_NAME, {
        message: "must be a refund method name: lowercase letters, digits and _",
      }),
      accountCode
    )
    .optional(),
  /** Medusa payment provider id → account code its captures settle into. */
  provider_accounts: z
    .record(z.string().regex(/^[A-Za-z0-9_\-]+$/, { message: "must be a payment provider id" }), accountCode)
    .optional(),
  /** Document numbering per type. */
  sequences: keyed(SEQUENCE_TYPES, z.strictObject(sequenceFormat)).optional(),
  /** Turn automatic posting off per source (e.g. { refunds: false }). */
  posting: keyed(POSTING_SOURCES, z.boolean()).optional(),
  /** Received returns become numbered, issued credit memos. */
  auto_credit_memo_on_return: z.boolean().optional(),
  /** IANA time zone of the store's accounting days (default UTC). */
  timezone: z
    .string()
    .refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Paris or UTC" })
    .optional(),
  /** Days until an order receivable is due (0 = due on the order date). */
  payment_terms_days: z.number().int().min(0).max(3650).optional(),
})

export type AccountingModuleOptions = z.infer<typeof AccountingOptionsSchema>

/**
 * Parses the options or throws an error a person can act on: which option,
 * what is wrong, where to fix it.
 */
export function parseAccountingOptions(raw: unknown): AccountingModuleOptions {
  // `database` is Medusa's own per-module option, not ours.
  const { database: _database, ...ours } = (raw ?? {}) as Record<string, unknown>
  const result = AccountingOptionsSchema.safeParse(ours)
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((i) => {
    const path = i.path.join(".")
    return `  - ${path || "(options)"}: ${i.message}`
  })
  throw new Error(
    `Invalid options for the accounting plugin (medusa-accounting-ar) in medusa-config.ts:\n${problems.join("\n")}`
  )
}
