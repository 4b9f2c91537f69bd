import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { customerNames } from "../../reports/customers"

/** How a list shows a customer, an order or an admin user instead of its id. */
export type CustomerRef = { id: string; name: string; email: string | null }
export type OrderRef = { id: string; display_id: number | null }
export type UserRef = { id: string; name: string; email: string | null }

export type References = {
  customer: (id: string | null | undefined) => CustomerRef | null
  order: (id: string | null | undefined) => OrderRef | null
  user: (id: string | null | undefined) => UserRef | null
}

const present = (ids: (string | null | undefined)[] | undefined) => [
  ...new Set((ids ?? []).filter((id): id is string => !!id)),
]

/**
 * Names of the customers, orders and users a page of rows refers to: one
 * query per kind for the whole page, never one per row. An id that no
 * longer resolves (a deleted customer) stays visible as its id.
 */
export async function loadReferences(
  container: MedusaContainer,
  ids: {
    customer_ids?: (string | null | undefined)[]
    order_ids?: (string | null | undefined)[]
    user_ids?: (string | null | undefined)[]
  }
): Promise<References> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const orderIds = present(ids.order_ids)
  const userIds = present(ids.user_ids)
  const [customers, orders, users] = await Promise.all([
    customerNames(container, present(ids.customer_ids)),
    orderIds.length
      ? query.graph({ entity: "order", fields: ["id", "display_id"], filters: { id: orderIds } })
      : { data: [] },
    userIds.length
      ? query.graph({
          entity: "user",
          fields: ["id", "first_name", "last_name", "email"],
          filters: { id: userIds },
        })
      : { data: [] },
  ])
  const orderById = new Map(orders.data.map((o) => [o.id, o]))
  const userById = new Map(users.data.map((u) => [u.id, u]))
  return {
    customer: (id) => {
      if (!id) {
        return null
      }
      const found = customers.get(id)
      return { id, name: found?.name ?? id, email: found?.email ?? null }
    },
    // Medusa's generated types give display_id as text; it is the order's number.
    order: (id) => (id ? { id, display_id: numberOrNull(orderById.get(id)?.display_id) } : null),
    user: (id) => {
      if (!id) {
        return null
      }
      const u = userById.get(id)
      const name = u ? [u.first_name, u.last_name].filter(Boolean).join(" ") || u.email : id
      return { id, name, email: u?.email ?? null }
    },
  }
}

const numberOrNull = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : Number(value)
