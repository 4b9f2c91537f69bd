/** What our admin routes answer, declared once for the routes, the sdk and the admin. */

/**
 * Every amount the API answers: an exact decimal string at the currency's
 * precision ("40.00" USD, "1000" JPY; docs/API.md "Money"). Inputs take a
 * decimal string or a number. Never add amounts as floats.
 */
export type Money = string

export type ListResponse<K extends string, T> = { [key in K]: T[] } & {
  count: number
  offset: number
  limit: number
}

export type CustomerRef = { id: string; name: string; email: string | null }

export type OrderRef = { id: string; display_id: number | null }

export type UserRef = { id: string; name: string; email: string | null }

export type DeleteResponse<O extends string> = { id: string; object: O; deleted: true }
