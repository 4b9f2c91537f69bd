import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202042439 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_customer_refund" drop constraint if exists "accounting_customer_refund_status_check";`);

    this.addSql(`alter table if exists "accounting_account" add column if not exists "is_payment_account" boolean not null default false;`);

    this.addSql(`alter table if exists "accounting_customer_refund" add column if not exists "payout_started_at" timestamptz null, add column if not exists "money_moved_at" timestamptz null, add column if not exists "void_reason" text null;`);
    this.addSql(`alter table if exists "accounting_customer_refund" add constraint "accounting_customer_refund_status_check" check("status" in ('draft', 'posting', 'money_moved', 'posted', 'voided'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_customer_refund" drop constraint if exists "accounting_customer_refund_status_check";`);

    this.addSql(`alter table if exists "accounting_account" drop column if exists "is_payment_account";`);

    this.addSql(`alter table if exists "accounting_customer_refund" drop column if exists "payout_started_at", drop column if exists "money_moved_at", drop column if exists "void_reason";`);

    this.addSql(`alter table if exists "accounting_customer_refund" add constraint "accounting_customer_refund_status_check" check("status" in ('draft', 'posting', 'posted', 'voided'));`);
  }

}
