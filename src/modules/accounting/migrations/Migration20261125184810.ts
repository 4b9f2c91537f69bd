import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261125184810 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" add column if not exists "options_hash" text null;`);
    this.addSql(`alter table if exists "accounting_customer_refund" drop constraint if exists "accounting_customer_refund_method_check";`);
    this.addSql(`alter table if exists "accounting_customer_refund" alter column "method" type text using ("method"::text);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" drop column if exists "options_hash";`);
    this.addSql(`alter table if exists "accounting_customer_refund" add constraint "accounting_customer_refund_method_check" check("method" in ('check', 'eft', 'cash', 'card', 'store_credit', 'record_transfer'));`);
  }

}
