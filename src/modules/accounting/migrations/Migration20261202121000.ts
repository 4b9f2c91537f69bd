import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: typed days beside the YYYY-MM-DD text dates of AR documents
 * and applications, so reports age and compare dates as dates (no text
 * parsing per row). Stored generated columns: nothing writes them, they
 * cannot disagree with the text they come from. The guard trigger already
 * leaves them out of its comparisons (in a BEFORE trigger NEW has them unset).
 */
export class Migration20261202121000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function accounting_day(value text) returns date
        language sql immutable parallel safe as $$ select value::date $$;`)
    this.addSql(`
      alter table accounting_ar_document
        add column if not exists document_day date generated always as (accounting_day(document_date)) stored,
        add column if not exists due_day date generated always as (accounting_day(due_date)) stored;`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table accounting_ar_document drop column if exists document_day, drop column if exists due_day;`)
    this.addSql(`drop function if exists accounting_day(text);`)
  }
}
