import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { Actor } from "../ledger/audit"
import { grants, isPermissionPattern } from "../rules/permissions"
import { createRole, grantRole } from "./roles"

export type LegacyUser = { id: string; email?: string | null; list: string[] | null }

/**
 * The one-time move from `user.metadata.accounting_permissions` to roles.
 * Nothing to do while nobody had a list (the store stays in bootstrap) or
 * once grants exist. Users without a list held everything: they get a
 * full-access role. Each distinct list becomes a role. If no one would
 * hold access:manage, the first user gets an access-manager role, so the
 * store is never locked out. One transaction: all or nothing.
 */
export async function upgradeAccessFromMetadata(knex: Knex, users: LegacyUser[], actor: Actor) {
  if (await knex("accounting_role_grant").whereNull("deleted_at").first("id")) {
    return { upgraded: false, roles: 0, grants: 0 }
  }
  if (!users.some((u) => u.list)) {
    return { upgraded: false, roles: 0, grants: 0 }
  }
  const groups = new Map<string, { permissions: string[]; users: LegacyUser[] }>()
  for (const u of users) {
    // Unknown names (typos, permissions since renamed) are dropped, never widened.
    const permissions = u.list ? [...new Set(u.list.filter(isPermissionPattern))].sort() : ["*"]
    const key = permissions.join(",")
    const group = groups.get(key) ?? { permissions, users: [] }
    group.users.push(u)
    groups.set(key, group)
  }
  const ordered = [...groups.values()].sort(
    (a, b) => Number(grants(b.permissions, "access:manage")) - Number(grants(a.permissions, "access:manage"))
  )
  const plan: { name: string; permissions: string[]; users: LegacyUser[] }[] = []
  if (!grants(ordered[0].permissions, "access:manage")) {
    plan.push({ name: "Access manager (migrated)", permissions: ["access:manage"], users: [users[0]] })
  }
  ordered.forEach((g, i) =>
    plan.push({
      name: g.permissions.includes("*") ? "Full access (migrated)" : `Migrated role ${i + 1}`,
      permissions: g.permissions,
      users: g.users,
    })
  )
  let granted = 0
  for (const p of plan) {
    const role = await createRole(
      knex,
      { name: p.name, description: "From user metadata accounting_permissions", permissions: p.permissions },
      actor
    )
    for (const u of p.users) {
      await grantRole(knex, { user_id: u.id, role_id: role.id }, actor)
      granted += 1
    }
  }
  return { upgraded: true, roles: plan.length, grants: granted }
}
