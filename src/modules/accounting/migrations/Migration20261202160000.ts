import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (issue 17 part 8, customer deposits and advances): the three
 * tables, the Customer Advances account and role (2300; 2200 Customer
 * Deposits stays the store-credit liability the reconciliation compares with
 * loyalty balances), the DEP- sequence, the `deposit_application` AR document
 * type, and the database half of the rules: amounts positive, applied +
 * refunded never above the amount, the status agrees with what remains, a
 * voided deposit has nothing applied or refunded, each journal entry belongs
 * to one row, and posted rows change only in the columns the posting code
 * moves, never deleted.
 */
export class Migration20261202160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "accounting_customer_deposit" ("id" text not null, "number" text not null, "status" text check ("status" in ('posted', 'applied', 'refunded', 'voided')) not null default 'posted', "customer_id" text not null, "currency_code" text not null, "deposit_date" text not null, "method" text not null, "deposit_account_id" text not null, "reference" text null, "memo" text null, "amount" numeric not null, "applied_amount" numeric not null, "refunded_amount" numeric not null, "journal_entry_id" text not null, "void_date" text null, "void_reason" text null, "void_journal_entry_id" text null, "voided_by" text null, "voided_at" timestamptz null, "created_by" text null, "origin" text not null default 'api', "metadata" jsonb null, "raw_amount" jsonb not null, "raw_applied_amount" jsonb not null, "raw_refunded_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_customer_deposit_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_deleted_at" ON "accounting_customer_deposit" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_number_unique" ON "accounting_customer_deposit" ("number") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_customer_id" ON "accounting_customer_deposit" ("customer_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_deposit_date" ON "accounting_customer_deposit" ("deposit_date") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_journal_entry_id_unique" ON "accounting_customer_deposit" ("journal_entry_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "accounting_customer_deposit_application" ("id" text not null, "deposit_id" text not null, "order_id" text not null, "amount" numeric not null, "application_date" text not null, "ar_document_id" text not null, "journal_entry_id" text not null, "unapplied_date" text null, "unapply_journal_entry_id" text null, "created_by" text null, "unapplied_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_customer_deposit_application_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_application_deleted_at" ON "accounting_customer_deposit_application" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_application_deposit_id" ON "accounting_customer_deposit_application" ("deposit_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_application_order_id" ON "accounting_customer_deposit_application" ("order_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_application_journal_entry_id_unique" ON "accounting_customer_deposit_application" ("journal_entry_id") WHERE deleted_at IS NULL;`)

    this.addSql(`create table if not exists "accounting_customer_deposit_refund" ("id" text not null, "deposit_id" text not null, "amount" numeric not null, "refund_date" text not null, "method" text not null, "account_id" text not null, "reference" text null, "journal_entry_id" text not null, "created_by" text null, "raw_amount" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_customer_deposit_refund_pkey" primary key ("id"));`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_refund_deleted_at" ON "accounting_customer_deposit_refund" ("deleted_at") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_refund_deposit_id" ON "accounting_customer_deposit_refund" ("deposit_id") WHERE deleted_at IS NULL;`)
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_customer_deposit_refund_journal_entry_id_unique" ON "accounting_customer_deposit_refund" ("journal_entry_id") WHERE deleted_at IS NULL;`)

    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`)
    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund', 'received_payment', 'write_off', 'transfer', 'deposit_application'));`)

    // The liability, its role and the DEP- sequence (idempotent, like the default chart).
    this.addSql(`
      insert into accounting_account (id, code, name, type)
      values ('acct_2300', '2300', 'Customer Advances', 'liability')
      on conflict do nothing;`)
    this.addSql(`
      insert into accounting_account_mapping (id, kind, key, account_id)
      select 'acmap_role_customer_advances', 'role', 'customer_advances', id
        from accounting_account where code = '2300' and deleted_at is null
      on conflict do nothing;`)
    this.addSql(`
      insert into accounting_document_sequence (id, type, prefix, padding, next_value)
      values ('dseq_customerdeposit', 'customer_deposit', 'DEP-', 5, 1)
      on conflict do nothing;`)

    // What remains can never go below zero, whoever writes (two admins, a retry, a direct UPDATE).
    this.addSql(`
      alter table accounting_customer_deposit add constraint accounting_customer_deposit_amounts check (
        amount > 0 and applied_amount >= 0 and refunded_amount >= 0
        and applied_amount + refunded_amount <= amount);`)
    this.addSql(`
      alter table accounting_customer_deposit add constraint accounting_customer_deposit_status_agrees check (
        (status = 'posted' and applied_amount + refunded_amount < amount)
        or (status = 'applied' and applied_amount + refunded_amount = amount and refunded_amount = 0)
        or (status = 'refunded' and applied_amount + refunded_amount = amount and refunded_amount > 0)
        or (status = 'voided' and applied_amount = 0 and refunded_amount = 0 and void_journal_entry_id is not null));`)
    this.addSql(`
      alter table accounting_customer_deposit_application add constraint accounting_customer_deposit_application_amounts
        check (amount > 0 and (unapplied_date is null or unapplied_date >= application_date));`)
    this.addSql(`
      alter table accounting_customer_deposit_refund add constraint accounting_customer_deposit_refund_amounts
        check (amount > 0);`)

    // Deposits: only the running totals, the status and the void columns move; never deleted.
    this.addSql(`
      create or replace function accounting_guard_customer_deposit() returns trigger as $$
      declare
        moving text[] := array['status', 'applied_amount', 'raw_applied_amount', 'refunded_amount',
          'raw_refunded_amount', 'void_date', 'void_reason', 'void_journal_entry_id', 'voided_by', 'voided_at',
          'updated_at'];
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: deposit %s cannot be deleted; void it', old.number));
        end if;
        if old.status <> 'voided' and (to_jsonb(new) - moving) = (to_jsonb(old) - moving) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s deposit %s cannot be changed', old.status, old.number));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_customer_deposit before update or delete on accounting_customer_deposit
        for each row execute function accounting_guard_customer_deposit();`)

    // Applications: only unapplied, once; never deleted.
    this.addSql(`
      create or replace function accounting_guard_customer_deposit_application() returns trigger as $$
      declare
        unapplying text[] := array['unapplied_date', 'unapply_journal_entry_id', 'unapplied_by', 'updated_at'];
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: deposit application %s cannot be deleted; unapply it', old.id));
        end if;
        if old.unapplied_date is null and new.unapplied_date is not null
           and (to_jsonb(new) - unapplying) = (to_jsonb(old) - unapplying) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: deposit application %s cannot be changed', old.id));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_customer_deposit_application
        before update or delete on accounting_customer_deposit_application
        for each row execute function accounting_guard_customer_deposit_application();`)

    // Refunds: money left; written once.
    this.addSql(`
      create or replace function accounting_guard_customer_deposit_refund() returns trigger as $$
      begin
        perform accounting_refuse(format('IMMUTABLE: deposit refund %s is posted and cannot be %s',
          old.id, case when tg_op = 'DELETE' then 'deleted' else 'changed' end));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_customer_deposit_refund
        before update or delete on accounting_customer_deposit_refund
        for each row execute function accounting_guard_customer_deposit_refund();`)
  }

  override async down(): Promise<void> {
    for (const table of ["customer_deposit", "customer_deposit_application", "customer_deposit_refund"]) {
      this.addSql(`drop table if exists "accounting_${table}" cascade;`)
      this.addSql(`drop function if exists accounting_guard_${table}();`)
    }
    this.addSql(`delete from accounting_document_sequence where id = 'dseq_customerdeposit';`)
    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`)
    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund', 'received_payment', 'write_off', 'transfer'));`)
  }
}
