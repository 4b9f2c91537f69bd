import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261125170909 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "accounting_posting_error" drop constraint if exists "accounting_posting_error_source_type_source_id_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_payment_term" drop constraint if exists "accounting_payment_term_customer_group_id_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_journal_entry" drop constraint if exists "accounting_journal_entry_source_type_source_id_source_kind_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_journal_entry" drop constraint if exists "accounting_journal_entry_chain_seq_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_journal_entry" drop constraint if exists "accounting_journal_entry_number_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_idempotency_key" drop constraint if exists "accounting_idempotency_key_scope_key_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_document_sequence" drop constraint if exists "accounting_document_sequence_type_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_customer_refund" drop constraint if exists "accounting_customer_refund_number_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_credit_memo" drop constraint if exists "accounting_credit_memo_return_id_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_credit_memo" drop constraint if exists "accounting_credit_memo_number_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_source_id_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_account_mapping" drop constraint if exists "accounting_account_mapping_kind_key_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_account" drop constraint if exists "accounting_account_code_unique";`
    )
    this.addSql(
      `create table if not exists "accounting_account" ("id" text not null, "code" text not null, "name" text not null, "type" text check ("type" in ('asset', 'liability', 'equity', 'income', 'expense')) not null, "description" text null, "active" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_account_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_account_deleted_at" ON "accounting_account" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_account_code_unique" ON "accounting_account" ("code") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_account_mapping" ("id" text not null, "kind" text check ("kind" in ('role', 'method', 'provider')) not null, "key" text not null, "account_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_account_mapping_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_account_mapping_account_id" ON "accounting_account_mapping" ("account_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_account_mapping_deleted_at" ON "accounting_account_mapping" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_account_mapping_kind_key_unique" ON "accounting_account_mapping" ("kind", "key") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_ar_application" ("id" text not null, "credit_document_id" text not null, "debit_document_id" text not null, "amount" numeric not null, "application_date" text not null, "unapplied_date" text null, "kind" text check ("kind" in ('auto', 'manual', 'refund')) not null, "customer_refund_id" text null, "created_by" text null, "unapplied_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_ar_application_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_deleted_at" ON "accounting_ar_application" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_credit_document_id" ON "accounting_ar_application" ("credit_document_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_application_debit_document_id" ON "accounting_ar_application" ("debit_document_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_ar_document" ("id" text not null, "doc_type" text check ("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund')) not null, "sign" integer not null, "number" text null, "customer_id" text not null, "currency_code" text not null, "document_date" text not null, "due_date" text not null, "amount" numeric not null, "open_amount" numeric not null, "source_id" text not null, "order_id" text null, "region_id" text null, "sales_channel_id" text null, "journal_entry_id" text null, "breakdown" jsonb null, "source_version" integer null, "void_date" text null, "void_journal_entry_id" text null, "raw_amount" jsonb not null, "raw_open_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_ar_document_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_deleted_at" ON "accounting_ar_document" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_ar_document_doc_type_source_id_unique" ON "accounting_ar_document" ("doc_type", "source_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_customer_id_currency_code" ON "accounting_ar_document" ("customer_id", "currency_code") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_order_id" ON "accounting_ar_document" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_ar_document_document_date" ON "accounting_ar_document" ("document_date") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_audit_event" ("id" text not null, "entity_type" text not null, "entity_id" text not null, "action" text not null, "from_status" text null, "to_status" text null, "actor_id" text null, "origin" text not null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_audit_event_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_audit_event_deleted_at" ON "accounting_audit_event" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_audit_event_entity_type_entity_id" ON "accounting_audit_event" ("entity_type", "entity_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_credit_memo" ("id" text not null, "number" text null, "status" text check ("status" in ('draft', 'issued', 'voided')) not null default 'draft', "customer_id" text not null, "order_id" text null, "return_id" text null, "currency_code" text not null, "memo_date" text not null, "reason" text not null, "subtotal" numeric not null default 0, "tax_total" numeric not null default 0, "total" numeric not null default 0, "journal_entry_id" text null, "void_date" text null, "void_journal_entry_id" text null, "created_by" text null, "issued_by" text null, "issued_at" timestamptz null, "voided_by" text null, "voided_at" timestamptz null, "origin" text not null default 'api', "metadata" jsonb null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_credit_memo_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_deleted_at" ON "accounting_credit_memo" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_number_unique" ON "accounting_credit_memo" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_customer_id" ON "accounting_credit_memo" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_order_id" ON "accounting_credit_memo" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_return_id_unique" ON "accounting_credit_memo" ("return_id") WHERE return_id IS NOT NULL AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_credit_memo_line" ("id" text not null, "kind" text check ("kind" in ('item', 'shipping', 'adjustment')) not null default 'item', "description" text not null, "amount" numeric not null, "tax_amount" numeric not null default 0, "line_item_id" text null, "credit_memo_id" text not null, "raw_amount" jsonb not null, "raw_tax_amount" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_credit_memo_line_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_line_credit_memo_id" ON "accounting_credit_memo_line" ("credit_memo_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_credit_memo_line_deleted_at" ON "accounting_credit_memo_line" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_customer_refund" ("id" text not null, "number" text null, "status" text check ("status" in ('draft', 'posting', 'posted', 'voided')) not null default 'draft', "customer_id" text not null, "currency_code" text not null, "refund_date" text not null, "method" text check ("method" in ('check', 'eft', 'cash', 'card', 'store_credit', 'record_transfer')) not null, "payment_account_id" text not null, "payment_id" text null, "reference" text null, "pay_to" text null, "memo" text null, "attachment_url" text null, "total" numeric not null default 0, "journal_entry_id" text null, "medusa_refund_id" text null, "store_credit_transaction_id" text null, "void_date" text null, "void_journal_entry_id" text null, "void_record_only" boolean not null default false, "posting_started_at" timestamptz null, "created_by" text null, "posted_by" text null, "posted_at" timestamptz null, "voided_by" text null, "voided_at" timestamptz null, "origin" text not null default 'api', "metadata" jsonb null, "raw_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_customer_refund_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_deleted_at" ON "accounting_customer_refund" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_number_unique" ON "accounting_customer_refund" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_customer_id" ON "accounting_customer_refund" ("customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_status" ON "accounting_customer_refund" ("status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_refund_date" ON "accounting_customer_refund" ("refund_date") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_customer_refund_line" ("id" text not null, "source_type" text check ("source_type" in ('credit_memo', 'overpayment', 'negative_invoice', 'store_credit')) not null, "source_id" text not null, "ar_document_id" text null, "amount" numeric not null, "refund_id" text not null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_customer_refund_line_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_line_refund_id" ON "accounting_customer_refund_line" ("refund_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_line_deleted_at" ON "accounting_customer_refund_line" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_line_source_type_source_id" ON "accounting_customer_refund_line" ("source_type", "source_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_refund_line_ar_document_id" ON "accounting_customer_refund_line" ("ar_document_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_document_sequence" ("id" text not null, "type" text not null, "prefix" text not null, "padding" integer not null default 5, "next_value" integer not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_document_sequence_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_document_sequence_deleted_at" ON "accounting_document_sequence" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_document_sequence_type_unique" ON "accounting_document_sequence" ("type") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_idempotency_key" ("id" text not null, "key" text not null, "scope" text not null, "request_hash" text not null, "resource_id" text null, "response_status" integer null, "response_body" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_idempotency_key_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_idempotency_key_deleted_at" ON "accounting_idempotency_key" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_idempotency_key_scope_key_unique" ON "accounting_idempotency_key" ("scope", "key") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_journal_entry" ("id" text not null, "number" text null, "entry_date" text not null, "status" text check ("status" in ('draft', 'posted', 'reversed')) not null default 'draft', "currency_code" text not null, "memo" text null, "source_type" text null, "source_id" text null, "source_kind" text null, "origin" text not null default 'api', "created_by" text null, "posted_by" text null, "posted_at" timestamptz null, "reversal_of_id" text null, "reversed_by_id" text null, "chain_seq" integer null, "prev_hash" text null, "hash" text null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_journal_entry_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_deleted_at" ON "accounting_journal_entry" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_number_unique" ON "accounting_journal_entry" ("number") WHERE number IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_chain_seq_unique" ON "accounting_journal_entry" ("chain_seq") WHERE chain_seq IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_source_type_source_id_source_kind_unique" ON "accounting_journal_entry" ("source_type", "source_id", "source_kind") WHERE source_type IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_entry_date" ON "accounting_journal_entry" ("entry_date") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_status" ON "accounting_journal_entry" ("status") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_entry_reversal_of_id" ON "accounting_journal_entry" ("reversal_of_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_journal_line" ("id" text not null, "line_no" integer not null, "debit" numeric not null default 0, "credit" numeric not null default 0, "description" text null, "customer_id" text null, "order_id" text null, "entry_id" text not null, "account_id" text not null, "raw_debit" jsonb not null default '{"value":"0","precision":20}', "raw_credit" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_journal_line_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_line_entry_id" ON "accounting_journal_line" ("entry_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_line_account_id" ON "accounting_journal_line" ("account_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_line_deleted_at" ON "accounting_journal_line" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_line_customer_id" ON "accounting_journal_line" ("customer_id") WHERE customer_id IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_journal_line_order_id" ON "accounting_journal_line" ("order_id") WHERE order_id IS NOT NULL AND deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_payment_term" ("id" text not null, "customer_group_id" text not null, "days" integer not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_payment_term_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_payment_term_deleted_at" ON "accounting_payment_term" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_payment_term_customer_group_id_unique" ON "accounting_payment_term" ("customer_group_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_period" ("id" text not null, "name" text not null, "start_date" text not null, "end_date" text not null, "status" text check ("status" in ('open', 'closed')) not null default 'open', "closed_by" text null, "closed_at" timestamptz null, "reopened_by" text null, "reopened_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_period_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_period_deleted_at" ON "accounting_period" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_period_start_date_end_date" ON "accounting_period" ("start_date", "end_date") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_posting_error" ("id" text not null, "source_type" text not null, "source_id" text not null, "event_name" text null, "message" text not null, "code" text null, "attempts" integer not null default 1, "status" text check ("status" in ('pending', 'resolved')) not null default 'pending', "last_attempt_at" timestamptz not null, "next_attempt_at" timestamptz not null, "resolved_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_posting_error_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_posting_error_deleted_at" ON "accounting_posting_error" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_posting_error_source_type_source_id_unique" ON "accounting_posting_error" ("source_type", "source_id") WHERE status = 'pending' AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_posting_error_status_next_attempt_at" ON "accounting_posting_error" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_setting" ("id" text not null, "default_payment_terms_days" integer not null default 0, "aging_buckets" jsonb not null default '{"days":[30,60,90]}', "auto_credit_memo_on_return" boolean not null default false, "posting" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_setting_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_setting_deleted_at" ON "accounting_setting" ("deleted_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "accounting_account_mapping" add constraint "accounting_account_mapping_account_id_foreign" foreign key ("account_id") references "accounting_account" ("id") on update cascade;`
    )

    this.addSql(
      `alter table if exists "accounting_credit_memo_line" add constraint "accounting_credit_memo_line_credit_memo_id_foreign" foreign key ("credit_memo_id") references "accounting_credit_memo" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "accounting_customer_refund_line" add constraint "accounting_customer_refund_line_refund_id_foreign" foreign key ("refund_id") references "accounting_customer_refund" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "accounting_journal_line" add constraint "accounting_journal_line_entry_id_foreign" foreign key ("entry_id") references "accounting_journal_entry" ("id") on update cascade on delete cascade;`
    )
    this.addSql(
      `alter table if exists "accounting_journal_line" add constraint "accounting_journal_line_account_id_foreign" foreign key ("account_id") references "accounting_account" ("id") on update cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "accounting_account_mapping" drop constraint if exists "accounting_account_mapping_account_id_foreign";`
    )

    this.addSql(
      `alter table if exists "accounting_journal_line" drop constraint if exists "accounting_journal_line_account_id_foreign";`
    )

    this.addSql(
      `alter table if exists "accounting_credit_memo_line" drop constraint if exists "accounting_credit_memo_line_credit_memo_id_foreign";`
    )

    this.addSql(
      `alter table if exists "accounting_customer_refund_line" drop constraint if exists "accounting_customer_refund_line_refund_id_foreign";`
    )

    this.addSql(
      `alter table if exists "accounting_journal_line" drop constraint if exists "accounting_journal_line_entry_id_foreign";`
    )

    this.addSql(`drop table if exists "accounting_account" cascade;`)

    this.addSql(`drop table if exists "accounting_account_mapping" cascade;`)

    this.addSql(`drop table if exists "accounting_ar_application" cascade;`)

    this.addSql(`drop table if exists "accounting_ar_document" cascade;`)

    this.addSql(`drop table if exists "accounting_audit_event" cascade;`)

    this.addSql(`drop table if exists "accounting_credit_memo" cascade;`)

    this.addSql(`drop table if exists "accounting_credit_memo_line" cascade;`)

    this.addSql(`drop table if exists "accounting_customer_refund" cascade;`)

    this.addSql(`drop table if exists "accounting_customer_refund_line" cascade;`)

    this.addSql(`drop table if exists "accounting_document_sequence" cascade;`)

    this.addSql(`drop table if exists "accounting_idempotency_key" cascade;`)

    this.addSql(`drop table if exists "accounting_journal_entry" cascade;`)

    this.addSql(`drop table if exists "accounting_journal_line" cascade;`)

    this.addSql(`drop table if exists "accounting_payment_term" cascade;`)

    this.addSql(`drop table if exists "accounting_period" cascade;`)

    this.addSql(`drop table if exists "accounting_posting_error" cascade;`)

    this.addSql(`drop table if exists "accounting_setting" cascade;`)
  }
}
