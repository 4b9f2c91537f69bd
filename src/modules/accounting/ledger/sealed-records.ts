import { AccountingError } from "../errors"

type Row = { id: string; number?: string | null; status?: string }

/**
 * Which records the module's generated update/delete/softDelete methods may
 * touch: drafts only, or nothing at all for records only the posting code
 * writes. The database triggers refuse the same changes; this answers first
 * with IMMUTABLE and a message naming the record.
 */
export type SealedModel = {
  /** The name the generated methods use: update<Name>, delete<Name>, softDelete<Name>. */
  name: string
  label: string
  /** Rows among `ids` that may not change; undefined when no row of the model may change. */
  sealed?: (ids: string[]) => Promise<Row[]>
  instead: string
}

const VERBS = [
  ["update", "edited"],
  ["delete", "deleted"],
  ["softDelete", "deleted"],
] as const

function idsOf(data: unknown): string[] {
  if (typeof data === "string") {
    return [data]
  }
  const list = Array.isArray(data) ? data : [data]
  return list
    .map((d: any) => (typeof d === "string" ? d : (d?.id ?? d?.selector?.id)))
    .flat()
    .filter(Boolean)
}

/** Wraps the generated mutators of `service` so that sealed records refuse. */
export function sealGeneratedMutators(service: Record<string, any>, models: SealedModel[]) {
  for (const model of models) {
    for (const [verb, done] of VERBS) {
      const method = `${verb}${model.name}`
      const generated = service[method]
      if (typeof generated !== "function") {
        continue
      }
      service[method] = async (data: unknown, ...rest: unknown[]) => {
        const sealed = model.sealed ? (await model.sealed(idsOf(data)))[0] : { id: idsOf(data)[0] ?? "" }
        if (sealed) {
          const name = sealed.number ?? sealed.id
          throw new AccountingError(
            "IMMUTABLE",
            `${model.label} ${name}${sealed.status ? ` is ${sealed.status} and` : ""} cannot be ${done}; ${model.instead}`
          )
        }
        return await generated.call(service, data, ...rest)
      }
    }
  }
}
