import { Module } from "@medusajs/framework/utils"
import validateOptionsLoader from "./loaders/validate-options"
import AccountingModuleService from "./service"

export const ACCOUNTING_MODULE = "accounting"

export default Module(ACCOUNTING_MODULE, {
  service: AccountingModuleService,
  loaders: [validateOptionsLoader],
})

export { AccountingModuleService }
export type { AccountingModuleOptions } from "./options"
