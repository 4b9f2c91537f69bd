import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202082742 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_payout" drop constraint if exists "accounting_payout_number_unique";`);
    this.addSql(`alter table if exists "accounting_payout" drop constraint if exists "accounting_payout_provider_id_provider_payout_id_unique";`);
    this.addSql(`create table if not exists "accounting_payout" ("id" text not null, "number" text not null, "provider_id" text not null, "provider_payout_id" text not null, "currency_code" text not null, "payout_date" text not null, "gross" numeric not null, "fee" numeric not null, "net" numeric not null, "source" text check ("source" in ('stripe_csv', 'csv', 'api')) not null, "journal_entry_id" text not null, "created_by" text null, "raw_gross" jsonb not null, "raw_fee" jsonb not null, "raw_net" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_payout_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_deleted_at" ON "accounting_payout" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_payout_provider_id_provider_payout_id_unique" ON "accounting_payout" ("provider_id", "provider_payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_payout_number_unique" ON "accounting_payout" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_payout_date" ON "accounting_payout" ("payout_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "accounting_payout_line" ("id" text not null, "line_no" integer not null, "reporting_category" text not null, "provider_payment_id" text null, "description" text null, "gross" numeric not null, "fee" numeric not null, "net" numeric not null, "matched_type" text check ("matched_type" in ('capture', 'refund')) null, "matched_id" text null, "payout_id" text not null, "raw_gross" jsonb not null, "raw_fee" jsonb not null, "raw_net" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_payout_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_line_payout_id" ON "accounting_payout_line" ("payout_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_line_deleted_at" ON "accounting_payout_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_line_provider_payment_id" ON "accounting_payout_line" ("provider_payment_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_payout_line_matched_id" ON "accounting_payout_line" ("matched_id") WHERE matched_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "accounting_payout_line" add constraint "accounting_payout_line_payout_id_foreign" foreign key ("payout_id") references "accounting_payout" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_payout_line" drop constraint if exists "accounting_payout_line_payout_id_foreign";`);

    this.addSql(`drop table if exists "accounting_payout" cascade;`);

    this.addSql(`drop table if exists "accounting_payout_line" cascade;`);
  }

}
