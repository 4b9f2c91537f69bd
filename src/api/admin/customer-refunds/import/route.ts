import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../../../modules/accounting"
import type { ImportError, ImportGroup } from "../../../../modules/accounting/ar/customer-refunds"
import { csvRecords } from "../../../../modules/accounting/rules/csv"
import type AccountingModuleService from "../../../../modules/accounting/service"
import { loadPayments } from "../../../../lib/payments"
import { loadRefundContext } from "../../../../lib/refund-context"
import { actorOf } from "../../../utils/actor"
import { formatZodIssues } from "../../../utils/validate"
import { HEADER_FIELDS, ImportRow, REQUIRED_COLUMNS } from "./row-schema"

export const MAX_IMPORT_ROWS = 5000

/**
 * Imports draft refunds from a CSV (multipart field `file`; columns in
 * docs/customer-refunds-import.csv). Every row is checked; any error creates
 * nothing (422 with the errors by row and field) unless ?partial=true.
 */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const file = (req as any).file as { buffer: Buffer } | undefined
  if (!file) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "Invalid request: file: attach the CSV as the multipart field 'file'"
    )
  }
  let parsed: ReturnType<typeof csvRecords>
  try {
    parsed = csvRecords(file.buffer.toString("utf8"))
  } catch (e: any) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Invalid request: file: ${e.message}`)
  }
  const missing = REQUIRED_COLUMNS.filter((c) => !parsed.header.includes(c))
  if (missing.length) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid request: file: missing column(s) ${missing.join(", ")}`
    )
  }
  if (!parsed.records.length || parsed.records.length > MAX_IMPORT_ROWS) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `Invalid request: file: expected 1 to ${MAX_IMPORT_ROWS} rows, got ${parsed.records.length}`
    )
  }

  // Row numbers are the file's line numbers (the header is line 1).
  const errors: ImportError[] = []
  const groups = new Map<string, ImportGroup & { first: ImportRow }>()
  parsed.records.forEach((record, i) => {
    const row = i + 2
    const result = ImportRow.safeParse(record)
    if (!result.success) {
      for (const issue of result.error.issues) {
        errors.push({ row, field: String(issue.path[0] ?? "row"), message: formatZodIssues([issue]) })
      }
      return
    }
    const r = result.data
    const key = r.refund_ref ?? `row:${row}`
    const group = groups.get(key)
    if (!group) {
      groups.set(key, {
        rows: [row],
        first: r,
        input: {
          customer_id: r.customer_id,
          currency_code: r.currency_code,
          refund_date: r.refund_date,
          method: r.method,
          payment_account_id: r.payment_account_id,
          payment_id: r.payment_id,
          reference: r.reference,
          pay_to: r.pay_to,
          memo: r.memo,
          lines: [{ source_type: r.source_type, source_id: r.source_id, amount: r.amount }],
        },
      })
      return
    }
    const differs = HEADER_FIELDS.find((f) => (r as any)[f] !== (group.first as any)[f])
    if (differs) {
      errors.push({
        row,
        field: differs,
        message: `${differs}: differs from line ${group.rows[0]} of refund ${key}`,
      })
      return
    }
    group.rows.push(row)
    group.input.lines.push({ source_type: r.source_type, source_id: r.source_id, amount: r.amount })
  })

  const partial = (req as any).validatedQuery?.partial === "true"
  const accounting = req.scope.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const list = [...groups.values()]
  const created: string[] = []
  if (!errors.length || partial) {
    const context = await loadRefundContext(req.scope, { lines: list.flatMap((g) => g.input.lines) })
    const payments = await loadPayments(
      req.scope,
      list.flatMap((g) => (g.input.payment_id ? [g.input.payment_id] : []))
    )
    for (const group of list.filter((g) => g.input.payment_id)) {
      group.payment = payments.get(group.input.payment_id!) ?? null
    }
    const result = await accounting.importCustomerRefundDrafts(list, context, actorOf(req, "import"), partial)
    created.push(...result.created)
    errors.push(...result.errors)
  }
  errors.sort((a, b) => a.row - b.row)
  if (errors.length && !partial) {
    res.status(422).json({
      type: "not_allowed",
      code: "IMPORT_REJECTED",
      message: `${errors.length} error(s); nothing was imported`,
      created: [],
      errors,
    })
    return
  }
  const { data } = created.length
    ? await req.scope.resolve(ContainerRegistrationKeys.QUERY).graph({
        entity: "customer_refund",
        fields: req.queryConfig.fields,
        filters: { id: created },
      })
    : { data: [] }
  const byId = new Map((data as any[]).map((r) => [r.id, r]))
  const customer_refunds = created.map((id) => byId.get(id))
  res.json({ created: customer_refunds, errors })
}
