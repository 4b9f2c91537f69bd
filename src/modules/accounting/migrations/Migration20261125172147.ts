import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125172147 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "accounting_setting" add column if not exists "sync_cursor" timestamptz null;`
    )
    this.addSql(
      `alter table if exists "accounting_customer_refund" add column if not exists "card_order_id" text null, add column if not exists "card_credit_line_amount" numeric null, add column if not exists "raw_card_credit_line_amount" jsonb null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_medusa_refund_id_unique" ON "accounting_customer_refund" ("medusa_refund_id") WHERE medusa_refund_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_card_order_id" ON "accounting_customer_refund" ("card_order_id") WHERE card_order_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `alter table if exists "accounting_ar_application" add column if not exists "batch_id" text null;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_batch_id" ON "accounting_ar_application" ("batch_id") WHERE batch_id IS NOT NULL AND deleted_at IS NULL;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_accounting_customer_refund_medusa_refund_id_unique";`)
    this.addSql(`drop index if exists "IDX_accounting_customer_refund_card_order_id";`)
    this.addSql(
      `alter table if exists "accounting_customer_refund" drop column if exists "card_order_id", drop column if exists "card_credit_line_amount", drop column if exists "raw_card_credit_line_amount";`
    )
    this.addSql(`alter table if exists "accounting_setting" drop column if exists "sync_cursor";`)
    this.addSql(`drop index if exists "IDX_accounting_ar_application_batch_id";`)
    this.addSql(`alter table if exists "accounting_ar_application" drop column if exists "batch_id";`)
  }
}
