import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: what received payments (PMT-) and write-offs (WO-) need
 * besides their tables. The Bad Debt account and role, the two sequences,
 * and the database half of their rules: amounts positive, a posted payment
 * only ever becomes reversed (and a write-off voided) in the columns that do
 * it, nothing posted is deleted. Idempotent.
 */
export class Migration20261202132000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into accounting_account (id, code, name, type)
      values ('acct_6100', '6100', 'Bad Debt', 'expense')
      on conflict do nothing;`)
    this.addSql(`
      insert into accounting_account_mapping (id, kind, key, account_id)
      select 'acmap_role_bad_debt', 'role', 'bad_debt', id from accounting_account where code = '6100' and deleted_at is null
      on conflict do nothing;`)
    for (const [type, prefix] of [
      ["received_payment", "PMT-"],
      ["write_off", "WO-"],
    ]) {
      this.addSql(`
        insert into accounting_document_sequence (id, type, prefix, padding, next_value)
        values ('dseq_${type.replace(/_/g, "")}', '${type}', '${prefix}', 5, 1)
        on conflict do nothing;`)
    }

    this.addSql(`
      alter table accounting_received_payment add constraint accounting_received_payment_positive check (amount > 0);`)
    this.addSql(`
      alter table accounting_write_off add constraint accounting_write_off_positive check (amount > 0);`)

    // Received payments: posted -> reversed, only in the reversal columns; never deleted.
    this.addSql(`
      create or replace function accounting_guard_received_payment() returns trigger as $$
      declare
        reversing text[] := array['status', 'reversal_date', 'reversal_kind', 'reversal_reason',
          'reversal_journal_entry_id', 'reversed_by', 'reversed_at', 'updated_at'];
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: payment %s cannot be deleted; reverse it', old.number));
        end if;
        if old.status = 'posted' and new.status = 'reversed'
           and (to_jsonb(new) - reversing) = (to_jsonb(old) - reversing) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s payment %s cannot be changed', old.status, old.number));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_received_payment before update or delete on accounting_received_payment
        for each row execute function accounting_guard_received_payment();`)

    // Write-offs: posted -> voided, only in the void columns; never deleted.
    this.addSql(`
      create or replace function accounting_guard_write_off() returns trigger as $$
      declare
        voiding text[] := array['status', 'void_date', 'void_reason', 'void_journal_entry_id', 'voided_by',
          'voided_at', 'updated_at'];
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: write-off %s cannot be deleted; void it', old.number));
        end if;
        if old.status = 'posted' and new.status = 'voided'
           and (to_jsonb(new) - voiding) = (to_jsonb(old) - voiding) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s write-off %s cannot be changed', old.status, old.number));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_write_off before update or delete on accounting_write_off
        for each row execute function accounting_guard_write_off();`)
  }

  override async down(): Promise<void> {
    for (const table of ["received_payment", "write_off"]) {
      this.addSql(`drop trigger if exists accounting_guard_${table} on accounting_${table};`)
      this.addSql(`drop function if exists accounting_guard_${table}();`)
      this.addSql(`alter table accounting_${table} drop constraint if exists accounting_${table}_positive;`)
    }
  }
}
