import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import jwt from "jsonwebtoken"

export type AdminHeaders = { headers: Record<string, string>; user_id?: string }

/**
 * An admin user with a signed JWT (the test app's secret), as Medusa's own
 * HTTP tests do. `metadata` lets a test give the user accounting permissions.
 */
export async function createAdmin(
  container: MedusaContainer,
  { email = "admin@example.com", metadata }: { email?: string; metadata?: Record<string, unknown> } = {}
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
  return { user_id: user.id, headers: { authorization: `Bearer ${token}` } }
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
