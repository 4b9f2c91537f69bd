import type { MedusaContainer } from "@medusajs/framework/types"
import {
  createCustomerGroupsWorkflow,
  createCustomersWorkflow,
  createPromotionsWorkflow,
  linkCustomerGroupsToCustomerWorkflow,
} from "@medusajs/medusa/core-flows"
import { graph, IdRow } from "./common"
import { placeOrder } from "./checkout"

export type FixtureCustomer = {
  id: string
  email: string
  first_name: string | null
  last_name: string | null
}

/**
 * A registered customer (has_account: true, as after storefront sign-up; the
 * loyalty plugin only refunds store credit to those). Reuses an existing
 * registered customer with the same email so the seed can be re-run.
 */
export async function createCustomer(
  container: MedusaContainer,
  input: { email: string; first_name: string; last_name: string; group_ids?: string[] }
): Promise<FixtureCustomer> {
  let [customer] = await graph<FixtureCustomer & { groups?: IdRow[] }>(container, {
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "groups.id"],
    filters: { email: input.email, has_account: true },
  })

  if (!customer) {
    const { result } = await createCustomersWorkflow(container).run({
      input: {
        customersData: [
          { email: input.email, first_name: input.first_name, last_name: input.last_name, has_account: true },
        ],
      },
    })
    customer = { ...result[0], groups: [] }
  }

  const toAdd = (input.group_ids ?? []).filter((g) => !customer!.groups?.some((x) => x.id === g))
  if (toAdd.length) {
    await linkCustomerGroupsToCustomerWorkflow(container).run({ input: { id: customer.id, add: toAdd } })
  }
  return {
    id: customer.id,
    email: customer.email,
    first_name: customer.first_name,
    last_name: customer.last_name,
  }
}

/** Reuses a group with the same name. Returns the group id. */
export async function createCustomerGroup(container: MedusaContainer, name: string): Promise<string> {
  const [group] = await graph<IdRow>(container, {
    entity: "customer_group",
    fields: ["id"],
    filters: { name },
  })
  if (group) {
    return group.id
  }
  const { result } = await createCustomerGroupsWorkflow(container).run({
    input: { customersData: [{ name }] },
  })
  return result[0].id
}

/**
 * An active, order-wide percentage promotion (for `placeOrder`'s promo_code).
 * Reuses an existing promotion with the same code.
 */
export async function ensurePercentagePromotion(
  container: MedusaContainer,
  { code, percentage }: { code: string; percentage: number }
): Promise<string> {
  const [promotion] = await graph<IdRow>(container, {
    entity: "promotion",
    fields: ["id"],
    filters: { code },
  })
  if (promotion) {
    return promotion.id
  }
  const { result } = await createPromotionsWorkflow(container).run({
    input: {
      promotionsData: [
        {
          code,
          type: "standard",
          status: "active",
          application_method: {
            type: "percentage",
            target_type: "order",
            allocation: "across",
            value: percentage,
          },
        },
      ],
    },
  })
  return result[0].id
}
