import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: an issued (or voided) credit memo may receive, once, the
 * number of the legal credit note an invoicing plugin issued for it; nothing
 * else changes. The rest of the guard is as Migration20261202120000 made it.
 */
export class Migration20261202171000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(guard(true))
  }

  override async down(): Promise<void> {
    this.addSql(guard(false))
  }
}

function guard(legalNumberOnce: boolean) {
  return `
      create or replace function accounting_guard_credit_memo() returns trigger as $$
      declare
        issuing text[] := array['status', 'number', 'journal_entry_id', 'issued_by', 'issued_at', 'updated_at'];
        voiding text[] := array['status', 'void_date', 'void_journal_entry_id', 'voided_by', 'voided_at', 'updated_at'];
        legal text[] := array['legal_number', 'updated_at'];
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
        end if;${
          legalNumberOnce
            ? `
        if old.legal_number is null and new.legal_number is not null
           and (to_jsonb(new) - legal) = (to_jsonb(old) - legal) then
          return new;
        end if;`
            : ""
        }
        perform accounting_refuse(format('IMMUTABLE: %s credit memo %s cannot be changed', old.status, old.id));
        return null;
      end;
      $$ language plpgsql;`
}
