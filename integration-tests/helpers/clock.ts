/**
 * Injects the plugin's clock before the app boots: "today" (the store's
 * accounting day) becomes `day`, so a test never depends on the day it runs.
 * Medusa's own timestamps (orders, captures) keep the wall clock; `day` must
 * not be earlier than the real day when the test drives Medusa's flows.
 */
export function injectToday(day: string) {
  process.env.ACCOUNTING_NOW = `${day}T12:00:00Z`
  return day
}
