import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { generateEntityId } from "@medusajs/framework/utils"
import { createHash } from "crypto"
import { advisoryLock } from "../db"
import { canonicalJson } from "../rules/canonical-json"
import type { AccountingModuleOptions } from "../options"
import { recordAudit } from "./audit"
import { SettingsUpdate, updateSettings } from "./settings"
import type { SequenceType } from "./sequences"

export function optionsHash(options: AccountingModuleOptions): string {
  return createHash("sha256").update(canonicalJson(options)).digest("hex")
}

/**
 * Writes the plugin options into the settings when they differ from the
 * options applied last (every instance calls this at start; the advisory
 * lock and the stored hash make one of them do it, once). Returns the
 * settings update, or null when there was nothing new to apply.
 */
export async function applyOptions(
  knex: Knex,
  options: AccountingModuleOptions
): Promise<SettingsUpdate | null> {
  await advisoryLock(knex, "accounting:options")
  const hash = optionsHash(options)
  const setting = await knex("accounting_setting").whereNull("deleted_at").first()
  if (!setting || setting.options_hash === hash) {
    return null
  }

  for (const account of options.accounts ?? []) {
    await knex("accounting_account")
      .insert({ id: generateEntityId(undefined, "acct"), ...account, active: true })
      .onConflict(knex.raw("(code) where deleted_at is null"))
      .ignore()
  }
  const accounts = await knex("accounting_account").select("id", "code").whereNull("deleted_at")
  const idOf = new Map(accounts.map((a: any) => [a.code, a.id as string]))
  const resolve = (option: string, codes: Record<string, string | undefined> | undefined) =>
    codes &&
    Object.fromEntries(
      Object.entries(codes).map(([key, code]) => {
        const id = idOf.get(code)
        if (!id) {
          throw new Error(
            `Accounting option ${option}.${key}: no account has code "${code}" (add it under "accounts" or to the chart)`
          )
        }
        return [key, id]
      })
    )

  const update: SettingsUpdate = {
    role_accounts: resolve("default_accounts", options.default_accounts),
    method_accounts: resolve("method_accounts", options.method_accounts),
    provider_accounts: resolve("provider_accounts", options.provider_accounts),
    sequences:
      options.sequences &&
      Object.entries(options.sequences).map(([type, s]) => ({ type: type as SequenceType, ...s })),
    posting: options.posting,
    auto_credit_memo_on_return: options.auto_credit_memo_on_return,
    timezone: options.timezone,
    payment_terms:
      options.payment_terms_days === undefined ? undefined : { default_days: options.payment_terms_days },
  }
  await updateSettings(knex, update)
  await knex("accounting_setting").where({ id: setting.id }).update({ options_hash: hash })
  await recordAudit(knex, {
    entity_type: "settings",
    entity_id: "settings",
    action: "apply_options",
    data: options as Record<string, unknown>,
    origin: "medusa-config",
  })
  return update
}
