import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * Counts a list page shows beside each payout or deposit, read in one
 * grouped query per page (a payout can have thousands of lines: they are
 * counted in SQL, not loaded).
 */
export async function payoutLineCounts(container: MedusaContainer, payoutIds: string[]) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const rows: { payout_id: string; matched: number; unmatched: number }[] = payoutIds.length
    ? await knex("accounting_payout_line")
        .select("payout_id")
        .select(knex.raw("count(matched_id)::int as matched"))
        .select(knex.raw("(count(*) - count(matched_id))::int as unmatched"))
        .whereIn("payout_id", payoutIds)
        .groupBy("payout_id")
    : []
  return new Map(rows.map((r) => [r.payout_id, { matched: r.matched, unmatched: r.unmatched }]))
}

/**
 * Per deposit: how many receipts it holds, and the bank account its entry
 * debited (the bank role when it was posted; the role can move later).
 */
export async function depositListDetails(
  container: MedusaContainer,
  deposits: { id: string; journal_entry_id: string }[]
) {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  if (!deposits.length) {
    return new Map<string, { receipt_count: number; bank_account: { code: string; name: string } | null }>()
  }
  const counts: { deposit_id: string; count: number }[] = await knex("accounting_bank_deposit_item")
    .select("deposit_id")
    .select(knex.raw("count(*)::int as count"))
    .whereIn(
      "deposit_id",
      deposits.map((d) => d.id)
    )
    .groupBy("deposit_id")
  const banks: { entry_id: string; code: string; name: string }[] = await knex("accounting_journal_line as l")
    .join("accounting_account as a", "a.id", "l.account_id")
    .select("l.entry_id", "a.code", "a.name")
    .whereIn(
      "l.entry_id",
      deposits.map((d) => d.journal_entry_id)
    )
    .where("l.debit", ">", 0)
  return new Map(
    deposits.map((d) => {
      const bank = banks.find((b) => b.entry_id === d.journal_entry_id)
      return [
        d.id,
        {
          receipt_count: counts.find((c) => c.deposit_id === d.id)?.count ?? 0,
          bank_account: bank ? { code: bank.code, name: bank.name } : null,
        },
      ]
    })
  )
}
