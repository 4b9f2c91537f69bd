import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { advisoryLock } from "../db"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { expand, grants, isPermissionPattern } from "../rules/permissions"

export type RoleInput = { name: string; description?: string | null; permissions: string[] }
export type Role = { id: string; name: string; description: string | null; permissions: string[] }
export type Grant = { id: string; user_id: string; role_id: string; granted_by: string | null }

/** What a user may do in accounting, read from the roles tables only. */
export type Access = {
  /** No grant exists yet: every admin holds everything (the owner setting up). */
  bootstrap: boolean
  permissions: string[]
  roles: { id: string; name: string }[]
}

// Every change to roles and grants queues here, so the "someone keeps
// access:manage" check reads a state nobody else is changing.
const lock = (knex: Knex) => advisoryLock(knex, "accounting_access")

const roleRow = (r: any): Role => ({
  id: r.id,
  name: r.name,
  description: r.description ?? null,
  permissions: (typeof r.permissions === "string" ? JSON.parse(r.permissions) : r.permissions) ?? [],
})

export async function accessOf(knex: Knex, userId: string | null | undefined): Promise<Access> {
  const anyGrant = await knex("accounting_role_grant").whereNull("deleted_at").first("id")
  if (!anyGrant) {
    return { bootstrap: true, permissions: expand(["*"]), roles: [] }
  }
  if (!userId) {
    return { bootstrap: false, permissions: [], roles: [] }
  }
  const roles = (
    await knex("accounting_role as r")
      .join("accounting_role_grant as g", "g.role_id", "r.id")
      .where("g.user_id", userId)
      .whereNull("g.deleted_at")
      .whereNull("r.deleted_at")
      .select("r.*")
      .orderBy("r.name")
  ).map(roleRow)
  return {
    bootstrap: false,
    permissions: expand(roles.flatMap((r) => r.permissions)),
    roles: roles.map((r) => ({ id: r.id, name: r.name })),
  }
}

function assertPatterns(permissions: string[]) {
  const bad = permissions.filter((p) => !isPermissionPattern(p))
  if (bad.length) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown accounting permission(s): ${bad.join(", ")}`)
  }
}

export async function loadRole(knex: Knex, id: string): Promise<Role> {
  const row = await knex("accounting_role").where({ id }).whereNull("deleted_at").first()
  if (!row) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Accounting role ${id} was not found`)
  }
  return roleRow(row)
}

async function assertNameFree(knex: Knex, name: string, exceptId?: string) {
  const q = knex("accounting_role").whereRaw("lower(name) = lower(?)", [name]).whereNull("deleted_at")
  if (exceptId) {
    q.whereNot({ id: exceptId })
  }
  if (await q.first("id")) {
    throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `A role named ${name} already exists`)
  }
}

const anyGrant = async (knex: Knex) => !!(await knex("accounting_role_grant").whereNull("deleted_at").first("id"))

/**
 * Runs a change to roles or grants under the access lock. Once any grant
 * exists, someone must still hold access:manage afterwards (otherwise nobody
 * could change roles again), and the grants may not all go (that would hand
 * every permission back to every admin). Compensations put back an earlier
 * state and skip the check.
 */
async function guarded<T>(knex: Knex, change: () => Promise<T>, { compensating = false } = {}): Promise<T> {
  await lock(knex)
  const hadGrants = await anyGrant(knex)
  const result = await change()
  if (compensating) {
    return result
  }
  const hasGrants = await anyGrant(knex)
  if (!hadGrants && !hasGrants) {
    return result
  }
  const held = await knex("accounting_role_grant as g")
    .join("accounting_role as r", "r.id", "g.role_id")
    .whereNull("g.deleted_at")
    .whereNull("r.deleted_at")
    .select("r.permissions")
  if (!held.some((r: any) => grants(roleRow(r).permissions, "access:manage"))) {
    throw new AccountingError(
      "LAST_ACCESS_MANAGER",
      hasGrants
        ? "This would leave nobody holding access:manage; grant a role with access:manage to someone else first"
        : "Removing the last grant would give every admin every accounting permission again; keep an access:manage grant"
    )
  }
  return result
}

export async function createRole(knex: Knex, input: RoleInput, actor: Actor): Promise<Role> {
  assertPatterns(input.permissions)
  return await guarded(knex, async () => {
    await assertNameFree(knex, input.name)
    const role: Role = {
      id: generateEntityId(undefined, "arole"),
      name: input.name,
      description: input.description ?? null,
      permissions: [...new Set(input.permissions)],
    }
    await knex("accounting_role").insert({ ...role, permissions: JSON.stringify(role.permissions) })
    await recordAudit(knex, { entity_type: "role", entity_id: role.id, action: "create", after: role, ...actor })
    return role
  })
}

export async function updateRole(
  knex: Knex,
  id: string,
  update: Partial<RoleInput>,
  actor: Actor,
  options: { compensating?: boolean } = {}
): Promise<{ before: Role; after: Role }> {
  if (update.permissions) {
    assertPatterns(update.permissions)
  }
  return await guarded(
    knex,
    async () => {
      const before = await loadRole(knex, id)
      if (update.name !== undefined) {
        await assertNameFree(knex, update.name, id)
      }
      const after: Role = {
        ...before,
        ...(update.name !== undefined ? { name: update.name } : {}),
        ...(update.description !== undefined ? { description: update.description } : {}),
        ...(update.permissions ? { permissions: [...new Set(update.permissions)] } : {}),
      }
      await knex("accounting_role")
        .where({ id })
        .update({
          name: after.name,
          description: after.description,
          permissions: JSON.stringify(after.permissions),
          updated_at: knex.fn.now(),
        })
      await recordAudit(knex, { entity_type: "role", entity_id: id, action: "update", before, after, ...actor })
      return { before, after }
    },
    options
  )
}

/** Deletes a role and its grants; returns both for the compensation. */
export async function deleteRole(
  knex: Knex,
  id: string,
  actor: Actor,
  options: { compensating?: boolean } = {}
): Promise<{ role: Role; grants: Grant[] }> {
  return await guarded(
    knex,
    async () => {
      const role = await loadRole(knex, id)
      const held: Grant[] = (await knex("accounting_role_grant").where({ role_id: id }).whereNull("deleted_at")).map(
        (g: any) => ({ id: g.id, user_id: g.user_id, role_id: g.role_id, granted_by: g.granted_by })
      )
      await knex("accounting_role_grant").where({ role_id: id }).delete()
      await knex("accounting_role").where({ id }).delete()
      await recordAudit(knex, {
        entity_type: "role",
        entity_id: id,
        action: "delete",
        before: { ...role, user_ids: held.map((g) => g.user_id) },
        ...actor,
      })
      return { role, grants: held }
    },
    options
  )
}

/** Puts back a deleted role with its grants (compensation only). */
export async function restoreRole(knex: Knex, role: Role, held: Grant[], actor: Actor): Promise<void> {
  await guarded(
    knex,
    async () => {
      await knex("accounting_role").insert({ ...role, permissions: JSON.stringify(role.permissions) })
      if (held.length) {
        await knex("accounting_role_grant").insert(held)
      }
      await recordAudit(knex, { entity_type: "role", entity_id: role.id, action: "restore", after: role, ...actor })
    },
    { compensating: true }
  )
}

export async function grantRole(knex: Knex, input: { user_id: string; role_id: string }, actor: Actor): Promise<Grant> {
  return await guarded(knex, async () => {
    const role = await loadRole(knex, input.role_id)
    const existing = await knex("accounting_role_grant")
      .where({ user_id: input.user_id, role_id: input.role_id })
      .whereNull("deleted_at")
      .first()
    if (existing) {
      throw new MedusaError(MedusaError.Types.DUPLICATE_ERROR, `The user already holds the role ${role.name}`)
    }
    const grant: Grant = {
      id: generateEntityId(undefined, "agrant"),
      user_id: input.user_id,
      role_id: input.role_id,
      granted_by: actor.actor_id ?? null,
    }
    await knex("accounting_role_grant").insert(grant)
    await recordAudit(knex, {
      entity_type: "role_grant",
      entity_id: grant.id,
      action: "grant",
      after: { ...grant, role_name: role.name },
      ...actor,
    })
    return grant
  })
}

export async function revokeGrant(
  knex: Knex,
  id: string,
  actor: Actor,
  options: { compensating?: boolean } = {}
): Promise<Grant> {
  return await guarded(
    knex,
    async () => {
      const row = await knex("accounting_role_grant").where({ id }).whereNull("deleted_at").first()
      if (!row) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Role grant ${id} was not found`)
      }
      await knex("accounting_role_grant").where({ id }).delete()
      const grant: Grant = { id: row.id, user_id: row.user_id, role_id: row.role_id, granted_by: row.granted_by }
      await recordAudit(knex, { entity_type: "role_grant", entity_id: id, action: "revoke", before: grant, ...actor })
      return grant
    },
    options
  )
}

/** Puts a revoked grant back (compensation only). */
export async function restoreGrant(knex: Knex, grant: Grant, actor: Actor): Promise<void> {
  await guarded(
    knex,
    async () => {
      await knex("accounting_role_grant").insert(grant)
      await recordAudit(knex, { entity_type: "role_grant", entity_id: grant.id, action: "restore", after: grant, ...actor })
    },
    { compensating: true }
  )
}
