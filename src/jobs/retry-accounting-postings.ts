import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { retryDuePostings } from "../workflows/order-accounting/retry-postings"

/** Retries failed postings that are due (each claimed by one worker only). */
export default async function retryAccountingPostings(container: MedusaContainer) {
  const { claimed, resolved } = await retryDuePostings(container)
  if (claimed) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .info(`accounting-retry-postings: claimed ${claimed}, resolved ${resolved}`)
  }
}

export const config = {
  name: "accounting-retry-postings",
  // Cron (seconds field optional); every minute unless ACCOUNTING_RETRY_SCHEDULE says otherwise.
  schedule: process.env.ACCOUNTING_RETRY_SCHEDULE || "* * * * *",
}
