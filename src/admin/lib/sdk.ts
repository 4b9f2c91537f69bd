import Medusa from "@medusajs/js-sdk"
import { accountingClient } from "../../sdk/accounting-client"

/** The admin's own session (cookie) talks to the backend that serves it. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})

export const accounting = accountingClient(sdk)
