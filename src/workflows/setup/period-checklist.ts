import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { ACCOUNTING_MODULE } from "../../modules/accounting"
import type { ChecklistItem } from "../../modules/accounting/ledger/close-checklist"
import type AccountingModuleService from "../../modules/accounting/service"
import { reconciliationReport } from "../../reports/definitions/reconciliation"
import type { ReportRow, ReportWriter } from "../../reports/writers/columns"

/** Keeps the rows the reconciliation counts as differences (nothing is written anywhere). */
class DifferenceCollector implements ReportWriter {
  rows: ReportRow[] = []
  section() {}
  row(row: ReportRow) {
    this.rows.push(row)
  }
  total() {}
  async end() {}
}

/**
 * The reconciliation as of the period's last day: every difference it counts
 * blocks the close (AR vs control, Medusa payments vs journal, store credit,
 * hash chain).
 */
export async function reconciliationChecklistItem(
  container: MedusaContainer,
  asOf: string
): Promise<ChecklistItem> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const collector = new DifferenceCollector()
  const summary = await reconciliationReport.run({ knex, container }, { as_of: asOf }, collector)
  const count = Number(summary?.differences ?? 0)
  return {
    key: "reconciliation_differences",
    label: `Reconciliation differences as of ${asOf}`,
    blocking: true,
    count,
    entries: collector.rows.slice(0, 20).map((r, i) => ({
      id: `difference_${i + 1}`,
      reference: [r.check, r.document, r.reference, r.note].filter(Boolean).join(" · "),
      ...(r.difference !== undefined && { amount: String(r.difference) }),
      ...(r.currency_code ? { currency_code: String(r.currency_code) } : {}),
    })),
  }
}

/** The whole close checklist of a period: the ledger's items and the reconciliation. */
export async function buildPeriodChecklist(container: MedusaContainer, periodId: string) {
  const accounting = container.resolve<AccountingModuleService>(ACCOUNTING_MODULE)
  const { period, items } = await accounting.periodLedgerChecklist(periodId)
  const all = [...items, await reconciliationChecklistItem(container, period.end_date)]
  const blocking = all.filter((i) => i.blocking && i.count > 0).length
  return { period_id: period.id, as_of: period.end_date as string, can_close: blocking === 0, blocking, items: all }
}
