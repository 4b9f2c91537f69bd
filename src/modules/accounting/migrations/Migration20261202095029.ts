import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202095029 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_bank_deposit_item" drop constraint if exists "accounting_bank_deposit_item_receipt_type_receipt_id_unique";`);
    this.addSql(`alter table if exists "accounting_bank_deposit" drop constraint if exists "accounting_bank_deposit_number_unique";`);
    this.addSql(`create table if not exists "accounting_bank_deposit" ("id" text not null, "number" text not null, "currency_code" text not null, "deposit_date" text not null, "reference" text null, "memo" text null, "total" numeric not null, "journal_entry_id" text not null, "created_by" text null, "raw_total" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_bank_deposit_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_deleted_at" ON "accounting_bank_deposit" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_number_unique" ON "accounting_bank_deposit" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_deposit_date" ON "accounting_bank_deposit" ("deposit_date") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "accounting_bank_deposit_item" ("id" text not null, "line_no" integer not null, "receipt_type" text check ("receipt_type" in ('capture', 'received_payment')) not null, "receipt_id" text not null, "receipt_date" text not null, "description" text null, "amount" numeric not null, "deposit_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_bank_deposit_item_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_item_deposit_id" ON "accounting_bank_deposit_item" ("deposit_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_item_deleted_at" ON "accounting_bank_deposit_item" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_bank_deposit_item_receipt_type_receipt_id_unique" ON "accounting_bank_deposit_item" ("receipt_type", "receipt_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "accounting_bank_deposit_item" add constraint "accounting_bank_deposit_item_deposit_id_foreign" foreign key ("deposit_id") references "accounting_bank_deposit" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_bank_deposit_item" drop constraint if exists "accounting_bank_deposit_item_deposit_id_foreign";`);

    this.addSql(`drop table if exists "accounting_bank_deposit" cascade;`);

    this.addSql(`drop table if exists "accounting_bank_deposit_item" cascade;`);
  }

}
