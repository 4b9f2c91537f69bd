import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

export type AdminHeaders = { headers: Record<string, string>; user_id?: string }

/**
 * An admin user with a signed JWT (the test app's secret), as Medusa's own
 * HTTP tests do. `permissions` grants the user a role holding them (which
 * ends the bootstrap: from then on only users with roles may do anything);
 * `metadata` is stored on the user and never read by the plugin.
 */
export async function createAdmin(
  container: MedusaContainer,
  {
    email = "admin@example.com",
    metadata,
    permissions,
  }: { email?: string; metadata?: Record<string, unknown>; permissions?: string[] } = {}
): Promise<AdminHeaders & { user_id: string }> {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email, first_name: "Test", last_name: "Admin", metadata })
  const authIdentity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: email }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id },
    process.env.JWT_SECRET ?? "supersecret",
    { expiresIn: "1d" }
  )
  if (permissions) {
    await grantPermissions(container, user.id, permissions, `Role of ${email}`)
  }
  return { user_id: user.id, headers: { authorization: `Bearer ${token}` } }
}

/** Grants `user_id` a new role holding `permissions` (through the module, as setup). */
export async function grantPermissions(
  container: MedusaContainer,
  user_id: string,
  permissions: string[],
  name = `Role ${permissions.join(" ")}`.slice(0, 100)
) {
  const accounting: any = container.resolve("accounting")
  const role = await accounting.createAccountingRole({ name, permissions })
  return await accounting.grantAccountingRole({ user_id, role_id: role.id })
}

/** Resolves to the axios response of a refused call (4xx/5xx) instead of throwing. */
export async function refused<T = any>(promise: Promise<any>): Promise<{ status: number; data: T }> {
  try {
    const res = await promise
    throw new Error(`Expected a refusal, got ${res.status}: ${JSON.stringify(res.data)}`)
  } catch (e: any) {
    if (!e.response) {
      throw e
    }
    return { status: e.response.status, data: e.response.data }
  }
}
