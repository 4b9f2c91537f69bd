import type { MedusaContainer } from "@medusajs/framework/types"
import { retryDuePostings } from "../workflows/order-accounting/retry-postings"

/** Retries failed postings that are due (each claimed by one worker only). */
export default async function retryAccountingPostings(container: MedusaContainer) {
  await retryDuePostings(container)
}

export const config = {
  name: "accounting-retry-postings",
  schedule: "* * * * *",
}
