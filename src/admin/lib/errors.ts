import { AccountingApiError } from "../../sdk/accounting-client"

/** Field path (as the API names it, "lines.0.amount") → what is wrong, in plain words. */
export type FieldErrors = Record<string, string>

export type DescribedError = {
  /** What to show next to the action (or above the form when no field is named). */
  message: string
  fields: FieldErrors
  code?: string
  status?: number
}

/** The API's validation phrases, said the way a person would. */
const PLAIN: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^has (\d+) decimals; ([A-Z]{3}) allows (\d+)$/,
    (m) => (m[3] === "0" ? `${m[2]} amounts have no decimals` : `${m[2]} amounts have at most ${m[3]} decimals`),
  ],
  [/^must be greater than 0$/, () => "Enter an amount above 0"],
  [/^must be greater than or equal to 0$/, () => "Enter 0 or more"],
  [/^must be a decimal amount/, () => "Enter an amount like 12.50"],
  [/^is required$|^Too small: expected string to have >=1/, () => "Required"],
  [/^must be a date formatted/, () => "Enter a date"],
  [/^must not contain markup/, () => "Remove the < and > characters"],
  [/^must not contain control characters/, () => "Remove special characters"],
]

export function plainWords(message: string): string {
  const text = message.trim()
  for (const [pattern, say] of PLAIN) {
    const match = pattern.exec(text)
    if (match) {
      return say(match)
    }
  }
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** "Invalid request: lines.0.amount: has 3 decimals; USD allows 2; reason: is required" → fields. */
function validationFields(message: string): FieldErrors {
  const fields: FieldErrors = {}
  const body = message.replace(/^Invalid request:\s*/, "")
  for (const part of body.split(/;\s+(?=[\w.]+: )/)) {
    const match = /^([\w.]+): (.+)$/.exec(part.trim())
    if (match && match[1] !== "body") {
      fields[match[1]] = plainWords(match[2])
    }
  }
  return fields
}

/**
 * A refusal as the admin shows it: validation issues on their fields, a
 * business refusal (by its stable code) on the field the form names for
 * it, and the API's own message otherwise, next to the action.
 */
export function describeError(error: unknown, codeFields: Record<string, string> = {}): DescribedError {
  if (error instanceof AccountingApiError) {
    const fields = error.status === 400 ? validationFields(error.message) : {}
    const field = error.code ? codeFields[error.code] : undefined
    if (field) {
      fields[field] = plainWords(error.message)
    }
    const message = Object.keys(fields).length
      ? error.status === 400
        ? "Check the fields marked below."
        : plainWords(error.message)
      : plainWords(error.message)
    return { message, fields, code: error.code, status: error.status }
  }
  if (error instanceof TypeError) {
    return { message: "The server could not be reached. Check the connection and try again.", fields: {} }
  }
  if (error instanceof Error && error.message) {
    return { message: plainWords(error.message), fields: {} }
  }
  return { message: "Something went wrong. Try again.", fields: {} }
}

export const errorMessage = (error: unknown) => describeError(error).message
