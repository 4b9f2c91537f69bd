import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: the database half of the subledger rules, as the journal
 * already has. Issued/voided credit memos, reserved/posted/voided refunds, AR
 * documents and applications change only in the columns the posting code
 * moves; nothing posted is deleted; open amounts stay within 0..amount; an
 * application is never dated before its documents nor unapplied before it
 * was applied; a document is never voided before what it depends on; a
 * refund whose money moved never returns to draft.
 *
 * The CHECK constraints are NOT VALID so a store with older rows still
 * migrates; every new or changed row is checked.
 */
export class Migration20261202120000 extends Migration {
  override async up(): Promise<void> {
    // Payment accounts: what methods and providers already pay out of.
    this.addSql(`
      update accounting_account a set is_payment_account = true
       where a.type in ('asset', 'liability')
         and a.id in (select account_id from accounting_account_mapping
                       where kind in ('method', 'provider') and deleted_at is null)
         and a.id not in (select account_id from accounting_account_mapping
                           where kind = 'role' and key = 'ar' and deleted_at is null);`)
    this.addSql(`update accounting_account set is_payment_account = true where id in ('acct_1000', 'acct_1200', 'acct_1210');`)
    // Gift cards sold are a liability until redeemed; by default the same account as store credit.
    this.addSql(`
      insert into accounting_account_mapping (id, kind, key, account_id)
      select 'acmap_role_gift_card_liability', 'role', 'gift_card_liability', account_id
        from accounting_account_mapping where kind = 'role' and key = 'customer_deposits' and deleted_at is null
      on conflict do nothing;`)

    this.addSql(`
      alter table accounting_ar_document add constraint accounting_ar_document_open_within_amount
        check (open_amount >= 0 and open_amount <= amount) not valid;`)
    this.addSql(`
      alter table accounting_ar_application add constraint accounting_ar_application_unapplied_after_applied
        check (unapplied_date is null or unapplied_date >= application_date) not valid;`)
    this.addSql(`
      alter table accounting_ar_application add constraint accounting_ar_application_positive
        check (amount > 0) not valid;`)

    this.addSql(`
      create or replace function accounting_refuse(message text) returns void as $$
      begin
        raise exception '%', message using errcode = 'check_violation';
      end;
      $$ language plpgsql;`)

    // Credit memos: drafts are free; issued may only be voided; voided never changes.
    this.addSql(`
      create or replace function accounting_guard_credit_memo() returns trigger as $$
      declare
        issuing text[] := array['status', 'number', 'journal_entry_id', 'issued_by', 'issued_at', 'updated_at'];
        voiding text[] := array['status', 'void_date', 'void_journal_entry_id', 'voided_by', 'voided_at', 'updated_at'];
      begin
        if tg_op = 'DELETE' then
          if old.status <> 'draft' then
            perform accounting_refuse(format('IMMUTABLE: %s credit memo %s cannot be deleted; void it', old.status, old.id));
          end if;
          return old;
        end if;
        if old.status = 'draft' and (new.status = 'draft'
             or new.status = 'issued' and (to_jsonb(new) - issuing) = (to_jsonb(old) - issuing)) then
          return new;
        end if;
        if old.status = 'issued' and new.status = 'voided' and (to_jsonb(new) - voiding) = (to_jsonb(old) - voiding) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s credit memo %s cannot be changed', old.status, old.id));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_credit_memo before update or delete on accounting_credit_memo
        for each row execute function accounting_guard_credit_memo();`)

    this.addSql(`
      create or replace function accounting_guard_credit_memo_line() returns trigger as $$
      declare
        memo_status text;
      begin
        select status into memo_status from accounting_credit_memo
         where id = coalesce(new.credit_memo_id, old.credit_memo_id);
        if memo_status is not null and memo_status <> 'draft' then
          perform accounting_refuse(format('IMMUTABLE: lines of %s credit memo %s cannot change',
            memo_status, coalesce(new.credit_memo_id, old.credit_memo_id)));
        end if;
        return coalesce(new, old);
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_credit_memo_line before insert or update or delete on accounting_credit_memo_line
        for each row execute function accounting_guard_credit_memo_line();`)

    // Customer refunds: draft -> posting -> (money_moved ->) posted -> voided; posting -> draft
    // only while no money moved. Lines are fixed once reserved.
    this.addSql(`
      create or replace function accounting_guard_customer_refund() returns trigger as $$
      declare
        posting text[] := array['status', 'updated_at', 'posting_started_at', 'payout_started_at', 'money_moved_at',
          'medusa_refund_id', 'store_credit_transaction_id', 'card_order_id', 'card_credit_line_amount',
          'raw_card_credit_line_amount', 'number', 'journal_entry_id', 'posted_by', 'posted_at'];
        voiding text[] := array['status', 'updated_at', 'void_date', 'void_journal_entry_id', 'void_record_only',
          'void_reason', 'voided_by', 'voided_at'];
      begin
        if tg_op = 'DELETE' then
          if old.status <> 'draft' then
            perform accounting_refuse(format('IMMUTABLE: %s refund %s cannot be deleted; void it', old.status, old.id));
          end if;
          return old;
        end if;
        if old.status = 'draft' and new.status in ('draft', 'posting') then
          return new;
        end if;
        if old.status = 'posting' and new.status in ('posting', 'draft', 'money_moved', 'posted')
           and (to_jsonb(new) - posting) = (to_jsonb(old) - posting) then
          return new;
        end if;
        if old.status = 'money_moved' and new.status in ('money_moved', 'posted')
           and (to_jsonb(new) - posting) = (to_jsonb(old) - posting) then
          return new;
        end if;
        if old.status = 'posted' and new.status = 'voided' and (to_jsonb(new) - voiding) = (to_jsonb(old) - voiding) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s refund %s cannot become %s or be edited',
          old.status, old.id, new.status));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_customer_refund before update or delete on accounting_customer_refund
        for each row execute function accounting_guard_customer_refund();`)

    this.addSql(`
      create or replace function accounting_guard_customer_refund_line() returns trigger as $$
      declare
        refund_status text;
      begin
        select status into refund_status from accounting_customer_refund
         where id = coalesce(new.refund_id, old.refund_id);
        if refund_status is not null and refund_status <> 'draft' then
          perform accounting_refuse(format('IMMUTABLE: lines of %s refund %s cannot change',
            refund_status, coalesce(new.refund_id, old.refund_id)));
        end if;
        return coalesce(new, old);
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_customer_refund_line before insert or update or delete on accounting_customer_refund_line
        for each row execute function accounting_guard_customer_refund_line();`)

    // AR documents: only the open amount moves, and a void is stamped once, never
    // before an application or unapplication of the document.
    this.addSql(`
      create or replace function accounting_guard_ar_document() returns trigger as $$
      declare
        -- document_day and due_day (typed copies the next migration generates) are unset in NEW here.
        moving text[] := array['open_amount', 'raw_open_amount', 'updated_at', 'document_day', 'due_day'];
        voiding text[] := array['open_amount', 'raw_open_amount', 'updated_at', 'void_date', 'void_journal_entry_id',
          'document_day', 'due_day'];
        later text;
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: AR document %s cannot be deleted; void what posted it', old.id));
        end if;
        if (to_jsonb(new) - moving) = (to_jsonb(old) - moving) then
          return new;
        end if;
        if old.void_date is null and new.void_date is not null
           and (to_jsonb(new) - voiding) = (to_jsonb(old) - voiding) then
          select max(greatest(application_date, coalesce(unapplied_date, application_date))) into later
            from accounting_ar_application
           where (credit_document_id = new.id or debit_document_id = new.id) and deleted_at is null;
          if later > new.void_date then
            perform accounting_refuse(format('DATE_BEFORE_ORIGINAL: AR document %s cannot be voided on %s, before %s',
              new.id, new.void_date, later));
          end if;
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: AR document %s cannot be changed', old.id));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_ar_document before update or delete on accounting_ar_document
        for each row execute function accounting_guard_ar_document();`)

    // Applications: dated on or after both documents; only unapplied, once.
    this.addSql(`
      create or replace function accounting_guard_ar_application() returns trigger as $$
      declare
        unapplying text[] := array['unapplied_date', 'unapplied_by', 'updated_at'];
        latest text;
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: application %s cannot be deleted; unapply it', old.id));
        end if;
        if tg_op = 'INSERT' then
          select max(document_date) into latest from accounting_ar_document
           where id in (new.credit_document_id, new.debit_document_id);
          if latest > new.application_date then
            perform accounting_refuse(format('DATE_BEFORE_ORIGINAL: application %s dated %s is before its document dated %s',
              new.id, new.application_date, latest));
          end if;
          return new;
        end if;
        if old.unapplied_date is null and (to_jsonb(new) - unapplying) = (to_jsonb(old) - unapplying) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: application %s cannot be changed', old.id));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_ar_application before insert or update or delete on accounting_ar_application
        for each row execute function accounting_guard_ar_application();`)
  }

  override async down(): Promise<void> {
    for (const table of [
      "credit_memo",
      "credit_memo_line",
      "customer_refund",
      "customer_refund_line",
      "ar_document",
      "ar_application",
    ]) {
      this.addSql(`drop trigger if exists accounting_guard_${table} on accounting_${table};`)
      this.addSql(`drop function if exists accounting_guard_${table}();`)
    }
    this.addSql(`drop function if exists accounting_refuse(text);`)
    this.addSql(`alter table accounting_ar_document drop constraint if exists accounting_ar_document_open_within_amount;`)
    this.addSql(
      `alter table accounting_ar_application drop constraint if exists accounting_ar_application_unapplied_after_applied;`
    )
    this.addSql(`alter table accounting_ar_application drop constraint if exists accounting_ar_application_positive;`)
  }
}
