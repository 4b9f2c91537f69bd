import type { LoaderOptions } from "@medusajs/framework/types"
import { parseAccountingOptions } from "../options"

/** Refuses to start with invalid plugin options, naming each bad option. */
export default async function validateOptionsLoader({ options }: LoaderOptions) {
  parseAccountingOptions(options)
}
