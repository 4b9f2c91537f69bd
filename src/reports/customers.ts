import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/** Names and emails of a batch of customers (one query per batch of rows). */
export async function customerNames(container: MedusaContainer, ids: string[]) {
  const unique = [...new Set(ids.filter((id) => id && !id.startsWith("guest:")))]
  const names = new Map<string, { name: string; email: string | null }>()
  if (!unique.length || !container.hasRegistration(ContainerRegistrationKeys.QUERY)) {
    return names
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "first_name", "last_name", "company_name", "email"],
    filters: { id: unique },
  })
  for (const c of data) {
    names.set(c.id, {
      name: [c.first_name, c.last_name].filter(Boolean).join(" ") || c.company_name || c.email || c.id,
      email: c.email ?? null,
    })
  }
  return names
}
