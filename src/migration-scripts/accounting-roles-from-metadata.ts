import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../modules/accounting"
import type AccountingModuleService from "../modules/accounting/service"

/**
 * Run once by `medusa db:migrate` (Medusa records it in `script_migrations`):
 * turns the permission lists older versions read from
 * `user.metadata.accounting_permissions` into roles and grants. The plugin no
 * longer reads metadata, which any admin can write to their own user.
 */
export default async function accountingRolesFromMetadata({ container }: { container: MedusaContainer }) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const users = await container
    .resolve(Modules.USER)
    .listUsers({}, { select: ["id", "email", "metadata", "created_at"], order: { created_at: "ASC" } })
  const result = await container.resolve<AccountingModuleService>(ACCOUNTING_MODULE).upgradeAccessFromMetadata(
    users.map((u) => {
      const list = (u.metadata as Record<string, unknown> | null)?.accounting_permissions
      return { id: u.id, email: u.email, list: Array.isArray(list) ? list.map(String) : null }
    })
  )
  logger.info(
    result.upgraded
      ? `[accounting] ${result.grants} grant(s) of ${result.roles} role(s) created from user metadata`
      : "[accounting] no metadata permission lists to migrate (or roles already granted)"
  )
}
