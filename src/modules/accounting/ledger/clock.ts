import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { assertNotInFuture, today } from "../rules/dates"
import { loadSettingPolicy } from "./setting-policy"

export type Clock = { today: string; timezone: string; allow_future_dates: boolean }

/** The store's accounting day and whether documents may be dated after it (one query). */
export async function loadClock(knex: Knex): Promise<Clock> {
  const setting = await loadSettingPolicy(knex)
  const timezone = setting?.timezone ?? "UTC"
  return { timezone, today: today(timezone), allow_future_dates: !!setting?.allow_future_dates }
}

/** Refuses a date after the store's today (DATE_IN_FUTURE) unless the settings allow it. */
export async function assertDateAllowed(knex: Knex, ...dates: (string | null | undefined)[]) {
  const clock = await loadClock(knex)
  for (const date of dates) {
    if (date) {
      assertNotInFuture(date, clock)
    }
  }
  return clock
}
