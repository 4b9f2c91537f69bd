import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Report indexes (issue 19, measured at 1M documents):
 * - the AR aging detail reads standing documents in its own order (currency,
 *   customer, date, id), so rows stream as they are read instead of after a
 *   sort of all of them;
 * - "is anything dated after the as-of day?" (NOTHING_AFTER_AS_OF) reads
 *   four index ends instead of every document and application (0.65 s).
 */
export class Migration20261202180000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_aging_order" ON "accounting_ar_document" ("currency_code", "customer_id", "document_date", "id") WHERE void_date IS NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_void_date" ON "accounting_ar_document" ("void_date") WHERE void_date IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_application_date" ON "accounting_ar_application" ("application_date") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_unapplied_date" ON "accounting_ar_application" ("unapplied_date") WHERE unapplied_date IS NOT NULL AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_accounting_ar_application_unapplied_date";`)
    this.addSql(`drop index if exists "IDX_accounting_ar_application_application_date";`)
    this.addSql(`drop index if exists "IDX_accounting_ar_document_void_date";`)
    this.addSql(`drop index if exists "IDX_accounting_ar_document_aging_order";`)
  }
}
