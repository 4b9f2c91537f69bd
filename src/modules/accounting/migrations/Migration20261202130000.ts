import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: typed days beside the YYYY-MM-DD text dates of AR documents
 * and applications, so reports age and compare dates as dates (no text
 * parsing per row). Stored generated columns: nothing writes them, they
 * cannot disagree with the text they come from. The guard triggers leave
 * them out of their comparisons (in a BEFORE trigger NEW has them unset).
 */
export class Migration20261202130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function accounting_day(value text) returns date
        language sql immutable parallel safe as $$ select value::date $$;`)
    this.addSql(`
      alter table accounting_ar_document
        add column if not exists document_day date generated always as (accounting_day(document_date)) stored,
        add column if not exists due_day date generated always as (accounting_day(due_date)) stored;`)
    this.addSql(`
      create or replace function accounting_guard_ar_document() returns trigger as $$
      declare
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
  }

  override async down(): Promise<void> {
    this.addSql(`alter table accounting_ar_document drop column if exists document_day, drop column if exists due_day;`)
    this.addSql(`drop function if exists accounting_day(text);`)
  }
}
