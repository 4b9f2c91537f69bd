import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (issue 18, bank deposits): the DS- sequence, and the database
 * half of "a posted deposit never changes": deposit slips and their items are
 * written once, with their journal entry, and can be neither updated nor
 * deleted. A receipt is deposited at most once, soft-deleted rows included.
 */
export class Migration20261202135000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into "accounting_document_sequence" (id, type, prefix, padding, next_value)
      values ('dseq_bank_deposit', 'bank_deposit', 'DS-', 5, 1)
      on conflict do nothing;`)
    this.addSql(`
      create or replace function accounting_guard_bank_deposit() returns trigger as $$
      begin
        perform accounting_refuse(format('IMMUTABLE: bank deposit %s is posted and cannot be %s',
          old.id, case when tg_op = 'DELETE' then 'deleted' else 'changed' end));
        return null;
      end;
      $$ language plpgsql;`)
    for (const table of ["bank_deposit", "bank_deposit_item"]) {
      this.addSql(`
        create trigger accounting_guard_${table} before update or delete on accounting_${table}
          for each row execute function accounting_guard_bank_deposit();`)
    }
    this.addSql(`
      alter table accounting_bank_deposit add constraint accounting_bank_deposit_total_positive check (total > 0);`)
    this.addSql(`
      alter table accounting_bank_deposit_item add constraint accounting_bank_deposit_item_amount_positive check (amount > 0);`)
    this.addSql(`
      create unique index if not exists accounting_bank_deposit_item_receipt_once
        on accounting_bank_deposit_item (receipt_type, receipt_id);`)
  }

  override async down(): Promise<void> {
    for (const table of ["bank_deposit", "bank_deposit_item"]) {
      this.addSql(`drop trigger if exists accounting_guard_${table} on accounting_${table};`)
    }
    this.addSql(`drop function if exists accounting_guard_bank_deposit();`)
    this.addSql(`drop index if exists accounting_bank_deposit_item_receipt_once;`)
    this.addSql(
      `alter table accounting_bank_deposit drop constraint if exists accounting_bank_deposit_total_positive;`
    )
    this.addSql(
      `alter table accounting_bank_deposit_item drop constraint if exists accounting_bank_deposit_item_amount_positive;`
    )
  }
}
