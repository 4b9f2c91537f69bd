import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { writeCreditMemoPdf } from "../../../../../reports/credit-memo-pdf"
import { loadCreditMemo } from "../../helpers"

/** The credit memo as a PDF the customer can receive. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const memo = await loadCreditMemo(req)
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: customers }, { data: stores }, orders] = await Promise.all([
    query.graph({
      entity: "customer",
      fields: ["first_name", "last_name", "company_name", "email", "addresses.*"],
      filters: { id: memo.customer_id },
    }),
    query.graph({ entity: "store", fields: ["name"] }),
    memo.order_id
      ? query
          .graph({ entity: "order", fields: ["display_id"], filters: { id: memo.order_id } })
          .then((r) => r.data)
      : Promise.resolve([]),
  ])
  const customer: any = customers[0] ?? {}
  const store: Pick<StoreDTO, "name"> | undefined = stores[0]
  // Medusa's generated query types and its DTOs disagree on display_id's type: read what is there.
  const order: { display_id?: number | string | null } | undefined = orders[0]
  const address = customer.addresses?.find((a: any) => a.is_default_billing) ?? customer.addresses?.[0]
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="credit-memo-${memo.number ?? memo.id}.pdf"`)
  await writeCreditMemoPdf(res, {
    store_name: store?.name ?? "Store",
    customer: {
      name:
        [customer.first_name, customer.last_name].filter(Boolean).join(" ") ||
        customer.company_name ||
        memo.customer_id,
      email: customer.email,
      address: address
        ? [
            address.address_1,
            address.address_2,
            [address.postal_code, address.city].filter(Boolean).join(" "),
            address.country_code?.toUpperCase(),
          ].filter(Boolean)
        : [],
    },
    memo: {
      ...memo,
      order_display: order?.display_id ? `#${order.display_id}` : null,
    },
  })
}
