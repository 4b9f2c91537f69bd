import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202045359 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" add column if not exists "timezone" text not null default 'UTC', add column if not exists "allow_future_dates" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_setting" drop column if exists "timezone", drop column if exists "allow_future_dates";`);
  }

}
