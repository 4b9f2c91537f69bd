import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId, MedusaError } from "@medusajs/framework/utils"
import { advisoryLock } from "../db"
import { AccountingError } from "../errors"
import { Actor, recordAudit } from "../ledger/audit"
import { postEntry } from "../ledger/posting"
import { nextDocumentNumber } from "../ledger/sequences"
import { loadAccountMap, roleAccount } from "../ledger/settings"
import type { DepositReceiptType } from "../models/bank-deposit-item"
import { signedToLines } from "../rules/balance"
import { Decimal, moneyColumns, readMoney, roundMoney, sumMoney } from "../rules/money"
import { providerAccount } from "../rules/roles"

export type DepositReceiptRef = { type: DepositReceiptType; id: string }

export type BankDepositInput = {
  currency_code: string
  deposit_date: string
  reference?: string | null
  memo?: string | null
  receipts: DepositReceiptRef[]
}

/** A receipt that sits in Undeposited Funds, with what a deposit slip shows. */
export type UndepositedReceipt = {
  type: DepositReceiptType
  id: string
  date: string
  currency_code: string
  amount: Decimal
  description: string
}

/**
 * Receipts booked to Undeposited Funds and not yet deposited: posted captures
 * of providers mapped to it, and standing received payments (checks, cash)
 * whose payment account is it. `ids` narrows to those receipts.
 */
export async function undepositedReceipts(
  knex: Knex,
  filter: { currency_code?: string; ids?: DepositReceiptRef[] } = {}
): Promise<UndepositedReceipt[]> {
  const map = await loadAccountMap(knex)
  const undeposited = roleAccount(map, "undeposited_funds")
  const providers = [
    ...new Set(
      [...Object.keys(map.provider), "pp_system_default"].filter(
        (p) => providerAccount(map, p) === undeposited
      )
    ),
  ]
  const captureIds = filter.ids?.filter((r) => r.type === "capture").map((r) => r.id)
  const paymentIds = filter.ids?.filter((r) => r.type === "received_payment").map((r) => r.id)
  const { rows: captures } =
    providers.length && (!captureIds || captureIds.length)
      ? await knex.raw(
          `select c.id, c.raw_amount, c.amount, p.currency_code, p.provider_id, e.entry_date
             from capture c
             join payment p on p.id = c.payment_id and p.deleted_at is null
             join accounting_journal_entry e
               on e.source_type = 'capture' and e.source_kind = 'captured' and e.source_id = c.id and e.status = 'posted'
            where c.deleted_at is null and p.provider_id = any(?)
              and (?::text[] is null or c.id = any(?::text[]))
              and not exists (select 1 from accounting_bank_deposit_item i where i.receipt_type = 'capture' and i.receipt_id = c.id)
            order by e.entry_date, c.id`,
          [providers, captureIds ?? null, captureIds ?? null]
        )
      : { rows: [] }
  const { rows: payments } =
    !paymentIds || paymentIds.length
      ? await knex.raw(
          `select r.id, r.number, r.raw_amount, r.amount, r.currency_code, r.payment_date, r.method, r.reference
             from accounting_received_payment r
            where r.deleted_at is null and r.status = 'posted' and r.payment_account_id = ?
              and (?::text[] is null or r.id = any(?::text[]))
              and not exists (select 1 from accounting_bank_deposit_item i where i.receipt_type = 'received_payment' and i.receipt_id = r.id)
            order by r.payment_date, r.number`,
          [undeposited, paymentIds ?? null, paymentIds ?? null]
        )
      : { rows: [] }
  const receipts: UndepositedReceipt[] = [
    ...captures.map((c: any) => ({
      type: "capture" as const,
      id: c.id,
      date: c.entry_date,
      currency_code: String(c.currency_code).toLowerCase(),
      amount: roundMoney(readMoney(c, "amount"), String(c.currency_code).toLowerCase()),
      description: `Capture ${c.id} (${c.provider_id})`,
    })),
    ...payments.map((r: any) => ({
      type: "received_payment" as const,
      id: r.id,
      date: r.payment_date,
      currency_code: r.currency_code,
      amount: readMoney(r, "amount"),
      description: [`Payment ${r.number}`, r.method, r.reference].filter(Boolean).join(" · "),
    })),
  ]
  return receipts.filter((r) => !filter.currency_code || r.currency_code === filter.currency_code)
}

export type PostedBankDeposit = { id: string; number: string; journal_entry_id: string }

/**
 * Posts one deposit slip (DS-): Dr Bank / Cr Undeposited Funds for the
 * receipts' total. Each receipt is locked first (sorted, so two deposits
 * never deadlock), then must still be undeposited, in the slip's currency
 * and dated on or before it; the unique item key backs this in the database.
 */
export async function postBankDeposit(
  knex: Knex,
  input: BankDepositInput,
  ctx: Actor
): Promise<PostedBankDeposit> {
  const currency = input.currency_code.toLowerCase()
  const refs = [...new Map(input.receipts.map((r) => [`${r.type}:${r.id}`, r])).values()]
  for (const key of refs.map((r) => `${r.type}:${r.id}`).sort()) {
    await advisoryLock(knex, `deposit:${key}`)
  }
  const found = await undepositedReceipts(knex, { ids: refs })
  for (const ref of refs) {
    const receipt = found.find((r) => r.type === ref.type && r.id === ref.id)
    if (!receipt) {
      const deposited = await knex("accounting_bank_deposit_item as i")
        .join("accounting_bank_deposit as d", "d.id", "i.deposit_id")
        .where({ "i.receipt_type": ref.type, "i.receipt_id": ref.id })
        .first("d.number")
      if (deposited) {
        throw new AccountingError(
          "RECEIPT_ALREADY_DEPOSITED",
          `The ${ref.type.replace("_", " ")} ${ref.id} was already deposited on ${deposited.number}`
        )
      }
      throw new AccountingError(
        "RECEIPT_NOT_UNDEPOSITED",
        `The ${ref.type.replace("_", " ")} ${ref.id} is not a receipt sitting in Undeposited Funds`
      )
    }
    if (receipt.currency_code !== currency) {
      throw new AccountingError(
        "CURRENCY_MISMATCH",
        `The ${ref.type.replace("_", " ")} ${ref.id} is in ${receipt.currency_code.toUpperCase()}, the deposit in ${currency.toUpperCase()}`
      )
    }
    if (receipt.date > input.deposit_date) {
      throw new AccountingError(
        "DATE_BEFORE_ORIGINAL",
        `The ${ref.type.replace("_", " ")} ${ref.id} was received on ${receipt.date}, after the deposit date`
      )
    }
  }
  const receipts = refs.map((ref) => found.find((r) => r.type === ref.type && r.id === ref.id)!)
  const total = sumMoney(receipts.map((r) => r.amount))
  if (!total.gt(0)) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, "A deposit needs receipts totalling more than zero")
  }
  const map = await loadAccountMap(knex)
  const id = generateEntityId(undefined, "bdep")
  const number = await nextDocumentNumber(knex, "bank_deposit")
  const { entry } = await postEntry(knex, {
    entry_date: input.deposit_date,
    currency_code: currency,
    memo: `Bank deposit ${number}${input.reference ? ` (${input.reference})` : ""}`,
    source_type: "bank_deposit",
    source_id: id,
    source_kind: "posted",
    origin: ctx.origin,
    actor_id: ctx.actor_id,
    lines: signedToLines([
      { account_id: roleAccount(map, "bank"), amount: total, description: "Deposit" },
      {
        account_id: roleAccount(map, "undeposited_funds"),
        amount: total.negated(),
        description: `${receipts.length} receipt(s) deposited`,
      },
    ]),
  })
  await knex("accounting_bank_deposit").insert({
    id,
    number,
    currency_code: currency,
    deposit_date: input.deposit_date,
    reference: input.reference ?? null,
    memo: input.memo ?? null,
    ...moneyColumns("total", total),
    journal_entry_id: entry.id,
    created_by: ctx.actor_id ?? null,
  })
  await knex("accounting_bank_deposit_item").insert(
    receipts.map((r, i) => ({
      id: generateEntityId(undefined, "bditem"),
      deposit_id: id,
      line_no: i + 1,
      receipt_type: r.type,
      receipt_id: r.id,
      receipt_date: r.date,
      description: r.description,
      ...moneyColumns("amount", r.amount),
    }))
  )
  await recordAudit(knex, {
    entity_type: "bank_deposit",
    entity_id: id,
    action: "post",
    to_status: "posted",
    data: { number, receipts: receipts.length, total: total.toString() },
    ...ctx,
  })
  return { id, number, journal_entry_id: entry.id }
}
