import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202080341 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" add column if not exists "late_items_to_open_period" boolean not null default false, add column if not exists "lock_date" text null;`);

    this.addSql(`alter table if exists "accounting_journal_entry" add column if not exists "original_date" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" drop column if exists "late_items_to_open_period", drop column if exists "lock_date";`);

    this.addSql(`alter table if exists "accounting_journal_entry" drop column if exists "original_date";`);
  }

}
