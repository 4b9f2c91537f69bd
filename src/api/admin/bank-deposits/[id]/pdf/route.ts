import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { StoreDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { writeDepositSlipPdf } from "../../../../../reports/deposit-slip-pdf"
import { refetchOr404 } from "../../../../utils/refetch"

/** The deposit slip as a PDF to take to the bank. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const deposit: any = await refetchOr404(req, "bank_deposit", "Bank deposit")
  const { data: stores } = await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "store",
    fields: ["name"],
  })
  const store: Pick<StoreDTO, "name"> | undefined = stores[0]
  res.setHeader("Content-Type", "application/pdf")
  res.setHeader("Content-Disposition", `attachment; filename="deposit-slip-${deposit.number}.pdf"`)
  await writeDepositSlipPdf(res, {
    store_name: store?.name ?? "Store",
    deposit: {
      ...deposit,
      items: [...(deposit.items ?? [])].sort((a: any, b: any) => a.line_no - b.line_no),
    },
  })
}
