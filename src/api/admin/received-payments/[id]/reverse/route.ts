import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { z } from "@medusajs/framework/zod"
import { reverseReceivedPaymentWorkflow } from "../../../../../workflows/received-payments"
import { actorOf } from "../../../../utils/actor"
import { refetchOr404 } from "../../../../utils/refetch"
import { loadPayment } from "../../helpers"
import type { AdminReversePayment } from "../../validators"

/** Reverses a payment (bounced check, chargeback, error): its orders owe again. */
export const POST = async (
  req: AuthenticatedMedusaRequest<z.infer<typeof AdminReversePayment>>,
  res: MedusaResponse
) => {
  await refetchOr404(req, "received_payment", "Payment")
  await reverseReceivedPaymentWorkflow(req.scope).run({
    input: { id: req.params.id, ...req.validatedBody, ...actorOf(req) },
  })
  res.json({ payment: await loadPayment(req) })
}
