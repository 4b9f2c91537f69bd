import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { requirePermission } from "../../utils/permissions"
import { validateAndTransformQuery, validateBody, validateQuery } from "../../utils/validate"
import { SelectParams } from "../../utils/validators"
import { listBankDepositsQueryConfig, retrieveBankDepositQueryConfig } from "./query-config"
import * as v from "./validators"

export const bankDepositMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/admin/bank-deposits",
    middlewares: [
      requirePermission("bank_deposits:list"),
      validateAndTransformQuery(v.AdminGetBankDepositsParams, listBankDepositsQueryConfig),
      listFilters({ search: ["number", "reference"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/bank-deposits",
    middlewares: [
      requirePermission("bank_deposits:create"),
      validateBody(v.AdminCreateBankDeposit),
      validateAndTransformQuery(SelectParams, retrieveBankDepositQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/bank-deposits/receipts/undeposited",
    middlewares: [requirePermission("bank_deposits:list"), validateQuery(v.AdminGetUndepositedParams)],
  },
  {
    method: ["GET"],
    matcher: "/admin/bank-deposits/:id",
    middlewares: [
      requirePermission("bank_deposits:list"),
      validateAndTransformQuery(SelectParams, retrieveBankDepositQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/bank-deposits/:id/pdf",
    middlewares: [
      requirePermission("bank_deposits:list"),
      validateAndTransformQuery(SelectParams, retrieveBankDepositQueryConfig),
    ],
  },
]
