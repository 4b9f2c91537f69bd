import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { MedusaError } from "@medusajs/framework/utils"
import {
  assertReasonCode,
  droppedReasonCodes,
  ReasonCodeDocumentType,
  ReasonCodeList,
  ReasonCodeSettings,
  resolveReasonCodes,
} from "../rules/reason-codes"
import { loadSettingPolicy } from "./setting-policy"

/** The store's reason codes (settings row over the defaults). */
export async function loadReasonCodes(knex: Knex): Promise<ReasonCodeSettings> {
  const row = await loadSettingPolicy(knex)
  return resolveReasonCodes(row?.reason_codes as Parameters<typeof resolveReasonCodes>[0])
}

/** Checks a document's code against the list read now (see rules/reason-codes.ts). */
export async function checkReasonCode(
  knex: Knex,
  type: ReasonCodeDocumentType,
  code: string | null | undefined,
  field?: string
): Promise<string | null> {
  return assertReasonCode(await loadReasonCodes(knex), type, code, field)
}

export type ReasonCodesUpdate = Partial<Record<ReasonCodeDocumentType, Partial<ReasonCodeList>>>

/**
 * The settings value after an edit: per type, `required` and/or the whole
 * list. A list that drops a code is refused (deactivate it instead): stored
 * documents keep their code and its label.
 */
export async function mergeReasonCodes(knex: Knex, update: ReasonCodesUpdate): Promise<ReasonCodeSettings> {
  const current = await loadReasonCodes(knex)
  const next = { ...current }
  for (const [type, change] of Object.entries(update) as [ReasonCodeDocumentType, Partial<ReasonCodeList>][]) {
    if (!change) {
      continue
    }
    if (change.codes) {
      const dropped = droppedReasonCodes(current[type].codes, change.codes)
      if (dropped.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `reason_codes.${type}.codes: ${dropped.join(", ")} missing; deactivate a code (active: false) instead of removing it`
        )
      }
    }
    next[type] = { required: change.required ?? current[type].required, codes: change.codes ?? current[type].codes }
  }
  return next
}
