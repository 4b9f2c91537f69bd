import { model } from "@medusajs/framework/utils"

/** A payment stands `posted` until it is reversed (bounced check, chargeback, entered in error). */
export const RECEIVED_PAYMENT_STATUSES = ["posted", "reversed"] as const

/** Why a received payment was reversed (kept with the free-text reason). */
export const PAYMENT_REVERSAL_KINDS = ["bounced", "chargeback", "error", "other"] as const

/**
 * A customer payment received outside Medusa (bank transfer, check, cash),
 * posted when recorded: Dr the method's account / Cr AR, and an AR credit
 * document (`received_payment`) applied to the customer's open orders; what
 * is not applied stays open as a credit. `medusa_payment_id` claims a payment
 * Medusa recorded itself (manual provider) so its capture is not posted twice.
 */
export const ReceivedPayment = model
  .define(
    { name: "ReceivedPayment", tableName: "accounting_received_payment" },
    {
      id: model.id({ prefix: "rpay" }).primaryKey(),
      number: model.text(),
      status: model.enum([...RECEIVED_PAYMENT_STATUSES]).default("posted"),
      customer_id: model.text(),
      currency_code: model.text(),
      payment_date: model.text(),
      method: model.text(),
      payment_account_id: model.text(),
      reference: model.text().nullable(),
      memo: model.text().nullable(),
      amount: model.bigNumber(),
      medusa_payment_id: model.text().nullable(),
      journal_entry_id: model.text(),
      reversal_date: model.text().nullable(),
      reversal_kind: model.enum([...PAYMENT_REVERSAL_KINDS]).nullable(),
      reversal_reason: model.text().nullable(),
      reversal_journal_entry_id: model.text().nullable(),
      reversed_by: model.text().nullable(),
      reversed_at: model.dateTime().nullable(),
      created_by: model.text().nullable(),
      origin: model.text().default("api"),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { on: ["number"], unique: true },
    { on: ["customer_id"] },
    { on: ["payment_date"] },
    { on: ["medusa_payment_id"], unique: true, where: "medusa_payment_id IS NOT NULL" },
  ])
