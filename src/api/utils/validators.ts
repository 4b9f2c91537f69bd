import { createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { z } from "@medusajs/framework/zod"
import { currencyPrecision, isKnownCurrency, toDecimal } from "../../modules/accounting/rules/money"
import { isIsoDate, isTimeZone } from "../../modules/accounting/rules/dates"
import { REFUND_METHOD_NAME } from "../../modules/accounting/models/customer-refund"
import { REASON_CODE_PATTERN } from "../../modules/accounting/rules/reason-codes"

const DECIMAL = /^-?(\d+)(\.(\d+))?$/

/** A reason code (settings → reason_codes): short, stable, machine-friendly (damaged, small_balance). */
export const reasonCode = () =>
  z.string().regex(REASON_CODE_PATTERN, {
    message: "must be a reason code: lowercase letters, digits, _ and - (e.g. small_balance)",
  })

/** A refund method: built-in (check, eft, cash, card, store_credit, record_transfer) or mapped by the store. */
export const refundMethod = () =>
  z.string().regex(REFUND_METHOD_NAME, {
    message: "must be a refund method name: lowercase letters, digits and _ (e.g. check, card, paypal)",
  })

/** Largest number of significant digits that survives the database's numeric twin exactly. */
export const MAX_SIGNIFICANT_DIGITS = 15

/**
 * Money in a request: a JSON number or a decimal string, returned as a
 * normalised decimal string. Exponents, NaN, Infinity and more than 15
 * significant digits are refused; the sign is checked by `positive`.
 */
export const money = ({ positive = true, allowZero = false } = {}) =>
  z.union([z.number(), z.string()]).transform((value, ctx) => {
    const text =
      typeof value === "number" ? (Number.isFinite(value) ? toDecimal(value).toString() : "") : value.trim()
    const match = DECIMAL.exec(text)
    if (!match) {
      ctx.addIssue({
        code: "custom",
        message: `must be a decimal amount like 12.34 (got ${JSON.stringify(value)})`,
      })
      return z.NEVER
    }
    const digits = (match[1] + (match[3] ?? "")).replace(/^0+/, "")
    if (digits.length > MAX_SIGNIFICANT_DIGITS) {
      ctx.addIssue({ code: "custom", message: `has more than ${MAX_SIGNIFICANT_DIGITS} significant digits` })
      return z.NEVER
    }
    const amount = toDecimal(text)
    if (positive && (amount.lt(0) || (!allowZero && amount.isZero()))) {
      ctx.addIssue({ code: "custom", message: `must be greater than ${allowZero ? "or equal to " : ""}0` })
      return z.NEVER
    }
    return amount.toString()
  })

/** An IANA time zone (Europe/Paris, America/New_York, UTC). */
export const timeZone = () =>
  z.string().max(64).refine(isTimeZone, { message: "must be an IANA time zone such as Europe/Paris or UTC" })

export const isoDate = () =>
  z.string().refine(isIsoDate, { message: "must be a date formatted YYYY-MM-DD (years 1900-2999)" })

export const currencyCode = () =>
  z
    .string()
    .regex(/^[a-zA-Z]{3}$/, { message: "must be a 3-letter ISO 4217 currency code" })
    .refine(isKnownCurrency, { message: "is not a known ISO 4217 currency" })
    .transform((c) => c.toLowerCase())

/**
 * Free text (memo, reason, reference…): bounded, and without markup or
 * control characters, which no accounting text needs and which turn into
 * script in a careless viewer. Quotes and semicolons are ordinary text.
 */
export const text = (max = 500) =>
  z
    .string()
    .max(max)
    .refine((v) => !/<\s*[a-zA-Z!/?]/.test(v), { message: "must not contain markup such as <tags>" })
    .refine((v) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(v), {
      message: "must not contain control characters",
    })

export const id = () =>
  z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/, { message: "must be an id" })

/** `fields` only, for routes answering one resource. */
export const SelectParams = createSelectParams()

/** An empty body for action routes (post, issue, close …): nothing else is accepted. */
export const EmptyBody = z.strictObject({})

/** Adds an issue for every amount finer than the currency (names the field). */
export function refinePrecision(
  currency: string,
  amounts: { path: (string | number)[]; value: string | undefined }[],
  ctx: z.RefinementCtx
) {
  const precision = currencyPrecision(currency)
  for (const { path, value } of amounts) {
    const decimals = value?.split(".")[1]?.length ?? 0
    if (decimals > precision) {
      ctx.addIssue({
        code: "custom",
        path,
        message: `has ${decimals} decimals; ${currency.toUpperCase()} allows ${precision}`,
      })
    }
  }
}
