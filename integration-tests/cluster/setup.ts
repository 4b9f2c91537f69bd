import type { ExecArgs } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createApiKeysWorkflow, linkSalesChannelsToApiKeyWorkflow } from "@medusajs/medusa/core-flows"
import { writeFileSync } from "fs"
import { createCustomer, ensureStore } from "../../dev/demo/store-fixture"

/**
 * `npx medusa exec ./integration-tests/cluster/setup.ts <out.json> [customers]`:
 * the store the cluster test and benchmark drive over HTTP (a USD region with
 * the system payment provider, a product, a shipping option, a publishable
 * key on the default sales channel, registered customers), written to
 * <out.json> for the driver. Reuses the demo store fixture.
 */
export default async function clusterSetup({ container, args }: ExecArgs) {
  const [out, count = "20"] = args
  if (!out) {
    throw new Error("usage: medusa exec ./integration-tests/cluster/setup.ts <out.json> [customers]")
  }
  const fixture = await ensureStore(container, { currencies: ["usd"] })

  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token"],
    filters: { type: "publishable", title: "Cluster test" },
  })
  let key = keys[0] as { id: string; token: string } | undefined
  if (!key) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: "Cluster test", type: "publishable", created_by: "" }] },
    })
    key = result[0] as { id: string; token: string }
    await linkSalesChannelsToApiKeyWorkflow(container).run({
      input: { id: key.id, add: [fixture.sales_channel_id] },
    })
  }

  const customers = []
  for (let i = 0; i < Number(count); i++) {
    const c = await createCustomer(container, {
      email: `cluster-${i}@example.com`,
      first_name: "Cluster",
      last_name: `Customer ${i}`,
    })
    customers.push({ id: c.id, email: c.email })
  }

  writeFileSync(
    out,
    JSON.stringify(
      {
        publishable_key: key.token,
        region_id: fixture.regions.usd.id,
        country_code: fixture.regions.usd.country_code,
        shipping_option_id: fixture.shipping_option_ids.usd,
        variant_ids: fixture.variant_ids,
        customers,
      },
      null,
      2
    )
  )
}
