import { defaultCurrencies } from "@medusajs/framework/utils"
import { labelCase, moneyCell, precisionCase, textCell } from "./csv-cells"

const KNOWN_CURRENCIES = Object.keys(defaultCurrencies).map((c) => c.toLowerCase())

/**
 * The AR aging detail as PostgreSQL-formatted CSV rows, the columns of the
 * report's detail (customer id first: the writer puts the name in its place;
 * currency last: it marks the sections). `detailSql` is agingSql(detail).
 * Only the document number is free text to neutralise: types and buckets
 * are our labels (doc_type has a CHECK), dates ISO days (CHECKs too).
 */
export function agingDetailCsvSql(detailSql: string, bucketLabels: string[], docTypeLabels: Record<string, string>) {
  return `
    select l.customer_id, ${textCell("l.document")}, l.type, l.document_date, l.due_date, l.days, l.bucket,
           l.original, l.open, l.currency_code
      from (select a.currency_code, a.customer_id, a.document_date, a.id,
                   coalesce(a.number, a.id) as document,
                   ${labelCase("a.doc_type", docTypeLabels, "a.doc_type")} as type,
                   a.due_date, coalesce(a.days, 0) as days,
                   ${labelCase("a.bucket", Object.fromEntries(bucketLabels.map((l, i) => [i, l])))} as bucket,
                   ${moneyCell("a.original", "a.precision")} as original,
                   ${moneyCell("a.open", "a.precision")} as open
              from (select a.*, ${precisionCase("lower(a.currency_code)", KNOWN_CURRENCIES)} as precision
                      from (${detailSql}) a) a) l
     order by l.currency_code, l.customer_id, l.document_date, l.id`
}
