import { definePolicies } from "@medusajs/framework/utils"
import { ACCOUNTING_PERMISSIONS } from "../modules/accounting/rules/permissions"
import { policyOf } from "../api/utils/policies"

/**
 * The accounting permissions as Medusa RBAC policies (`accounting_<resource>`
 * : `<action>`), so that with MEDUSA_FF_RBAC on, Medusa's role screens list
 * them and its roles can carry them. The plugin's own roles still decide.
 */
export const accountingPolicies = definePolicies(
  ACCOUNTING_PERMISSIONS.map((permission) => {
    const { resource, operation } = policyOf(permission)
    const words = permission.replace(/[:_]/g, " ")
    return {
      name: words.replace(/(^|\s)(\w)/g, (_m, _s, c: string) => c.toUpperCase()).replace(/\s/g, ""),
      resource,
      operation,
      description: `Accounting: ${words}`,
    }
  })
)
