import { z } from "@medusajs/framework/zod"
import { ACCOUNT_ROLES } from "../../../../modules/accounting/rules/roles"
import { SEQUENCE_TYPES } from "../../../../modules/accounting/ledger/sequences"
import { DEFAULT_POSTING } from "../../../../modules/accounting/ledger/settings"
import { sequenceFormat } from "../../../../modules/accounting/options"
import { APPROVAL_DOCUMENT_TYPES } from "../../../../modules/accounting/rules/approval"
import { REASON_CODE_DOCUMENT_TYPES } from "../../../../modules/accounting/rules/reason-codes"
import { currencyCode, id, isoDate, money, reasonCode, refundMethod, text, timeZone } from "../../../utils/validators"

const roleShape = Object.fromEntries(ACCOUNT_ROLES.map((r) => [r, id().optional()])) as Record<
  (typeof ACCOUNT_ROLES)[number],
  z.ZodOptional<ReturnType<typeof id>>
>
const postingShape = Object.fromEntries(
  Object.keys(DEFAULT_POSTING).map((k) => [k, z.boolean().optional()])
) as Record<keyof typeof DEFAULT_POSTING, z.ZodOptional<z.ZodBoolean>>

// Thresholds above which a document needs a second user's approval, per currency.
const thresholds = z
  .record(currencyCode(), money({ allowZero: true }))
  .nullable()
  .optional()
const approvalsShape = Object.fromEntries(
  Object.keys(APPROVAL_DOCUMENT_TYPES).map((t) => [t, thresholds])
) as Record<keyof typeof APPROVAL_DOCUMENT_TYPES, typeof thresholds>

// Reason codes of one document type: the whole list (codes unique, none dropped) and/or required.
const reasonCodeList = z
  .strictObject({
    required: z.boolean().optional(),
    codes: z
      .array(
        z.strictObject({
          code: reasonCode(),
          label: text(80).trim().min(1),
          active: z.boolean().default(true),
        })
      )
      .max(100)
      .refine((codes) => new Set(codes.map((c) => c.code)).size === codes.length, {
        message: "each code may appear once",
      })
      .optional(),
  })
  .optional()
const reasonCodesShape = Object.fromEntries(REASON_CODE_DOCUMENT_TYPES.map((t) => [t, reasonCodeList])) as Record<
  (typeof REASON_CODE_DOCUMENT_TYPES)[number],
  typeof reasonCodeList
>

export const AdminUpdateAccountingSettings = z.strictObject({
  approvals: z.strictObject(approvalsShape).optional(),
  role_accounts: z.strictObject(roleShape).optional(),
  // Built-in or new methods (mapping one is how a method is added); null unmaps.
  method_accounts: z.record(refundMethod(), id().nullable()).optional(),
  provider_accounts: z
    .record(
      z.string().regex(/^[A-Za-z0-9_\-]+$/, { message: "must be a payment provider id" }),
      id().nullable()
    )
    .optional(),
  sequences: z
    .array(
      z.strictObject({
        type: z.enum(SEQUENCE_TYPES),
        ...sequenceFormat,
        next_value: z.number().int().min(1).max(2_000_000_000).optional(),
      })
    )
    .optional(),
  payment_terms: z
    .strictObject({
      default_days: z.number().int().min(0).max(3650).optional(),
      customer_groups: z
        .array(z.strictObject({ customer_group_id: id(), days: z.number().int().min(0).max(3650) }))
        .optional(),
    })
    .optional(),
  aging_buckets: z
    .array(z.number().int().min(1).max(3650))
    .min(1)
    .max(10)
    .refine((b) => b.every((d, i) => i === 0 || d > b[i - 1]), {
      message: "must be strictly increasing day counts",
    })
    .optional(),
  auto_credit_memo_on_return: z.boolean().optional(),
  posting: z.strictObject(postingShape).optional(),
  timezone: timeZone().optional(),
  allow_future_dates: z.boolean().optional(),
  // Items dated in a closed period (or before the lock date) post on the first open day.
  late_items_to_open_period: z.boolean().optional(),
  // Nobody without periods:manage posts on or before it; null lifts it. Needs periods:manage.
  lock_date: isoDate().nullable().optional(),
  reason_codes: z.strictObject(reasonCodesShape).optional(),
})
