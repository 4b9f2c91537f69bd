import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (issue 17, reason codes): the configurable list lives in the
 * settings row (null = the defaults of rules/reason-codes.ts); credit memos
 * and customer refunds carry a code, and a write-off's code may be absent
 * when the store does not require one. The guard triggers need no change:
 * the code is set while a document is a draft, like every other column.
 */
export class Migration20261202150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" add column if not exists "reason_codes" jsonb null;`)
    this.addSql(`alter table if exists "accounting_credit_memo" add column if not exists "reason_code" text null;`)
    this.addSql(`alter table if exists "accounting_customer_refund" add column if not exists "reason_code" text null;`)
    this.addSql(`alter table if exists "accounting_write_off" alter column "reason_code" drop not null;`)
    this.addSql(
      `create index if not exists "IDX_accounting_credit_memo_reason_code" on "accounting_credit_memo" ("reason_code") where reason_code is not null and deleted_at is null;`
    )
    this.addSql(
      `create index if not exists "IDX_accounting_customer_refund_reason_code" on "accounting_customer_refund" ("reason_code") where reason_code is not null and deleted_at is null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_accounting_customer_refund_reason_code";`)
    this.addSql(`drop index if exists "IDX_accounting_credit_memo_reason_code";`)
    // Fails while a write-off without a code exists (posted write-offs never change).
    this.addSql(`alter table if exists "accounting_write_off" alter column "reason_code" set not null;`)
    this.addSql(`alter table if exists "accounting_customer_refund" drop column if exists "reason_code";`)
    this.addSql(`alter table if exists "accounting_credit_memo" drop column if exists "reason_code";`)
    this.addSql(`alter table if exists "accounting_setting" drop column if exists "reason_codes";`)
  }
}
