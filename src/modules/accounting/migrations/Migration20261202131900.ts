import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202131900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_write_off" drop constraint if exists "accounting_write_off_number_unique";`);
    this.addSql(`alter table if exists "accounting_received_payment" drop constraint if exists "accounting_received_payment_medusa_payment_id_unique";`);
    this.addSql(`alter table if exists "accounting_received_payment" drop constraint if exists "accounting_received_payment_number_unique";`);
    this.addSql(`create table if not exists "accounting_received_payment" ("id" text not null, "number" text not null, "status" text check ("status" in ('posted', 'reversed')) not null default 'posted', "customer_id" text not null, "currency_code" text not null, "payment_date" text not null, "method" text not null, "payment_account_id" text not null, "reference" text null, "memo" text null, "amount" numeric not null, "medusa_payment_id" text null, "journal_entry_id" text not null, "reversal_date" text null, "reversal_kind" text check ("reversal_kind" in ('bounced', 'chargeback', 'error', 'other')) null, "reversal_reason" text null, "reversal_journal_entry_id" text null, "reversed_by" text null, "reversed_at" timestamptz null, "created_by" text null, "origin" text not null default 'api', "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_received_payment_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_received_payment_deleted_at" ON "accounting_received_payment" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_received_payment_number_unique" ON "accounting_received_payment" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_received_payment_customer_id" ON "accounting_received_payment" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_received_payment_payment_date" ON "accounting_received_payment" ("payment_date") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_received_payment_medusa_payment_id_unique" ON "accounting_received_payment" ("medusa_payment_id") WHERE medusa_payment_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "accounting_write_off" ("id" text not null, "number" text not null, "status" text check ("status" in ('posted', 'voided')) not null default 'posted', "customer_id" text not null, "order_id" text not null, "currency_code" text not null, "write_off_date" text not null, "amount" numeric not null, "reason_code" text not null, "memo" text null, "batch_id" text null, "journal_entry_id" text not null, "void_date" text null, "void_reason" text null, "void_journal_entry_id" text null, "voided_by" text null, "voided_at" timestamptz null, "created_by" text null, "origin" text not null default 'api', "metadata" jsonb null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_write_off_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_write_off_deleted_at" ON "accounting_write_off" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_write_off_number_unique" ON "accounting_write_off" ("number") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_write_off_customer_id" ON "accounting_write_off" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_write_off_order_id" ON "accounting_write_off" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_write_off_batch_id" ON "accounting_write_off" ("batch_id") WHERE batch_id IS NOT NULL AND deleted_at IS NULL;`);

    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`);

    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund', 'received_payment', 'write_off'));`);

    this.addSql(`alter table if exists "accounting_credit_memo" add column if not exists "internal" boolean not null default false, add column if not exists "legal_number" text null;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_legal_number" ON "accounting_credit_memo" ("legal_number") WHERE legal_number IS NOT NULL AND deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "accounting_received_payment" cascade;`);

    this.addSql(`drop table if exists "accounting_write_off" cascade;`);

    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`);

    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund'));`);

    this.addSql(`drop index if exists "IDX_accounting_credit_memo_legal_number";`);
    this.addSql(`alter table if exists "accounting_credit_memo" drop column if exists "internal", drop column if exists "legal_number";`);
  }

}
