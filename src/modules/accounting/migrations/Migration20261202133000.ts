import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written (issue 18): the Processing Fees role and account, the PO-
 * sequence, and the database half of "a posted payout never changes":
 * payouts and their lines are written once, with their journal entry, and
 * can be neither updated nor deleted. Lines may only be added to a payout
 * in the transaction that created it (it has no lines yet committed).
 */
export class Migration20261202133000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      insert into "accounting_account" (id, code, name, type)
      values ('acct_6200', '6200', 'Processing Fees', 'expense')
      on conflict do nothing;`)
    this.addSql(`
      insert into "accounting_account_mapping" (id, kind, key, account_id)
      values ('acmap_role_processing_fees', 'role', 'processing_fees', 'acct_6200')
      on conflict do nothing;`)
    this.addSql(`
      insert into "accounting_document_sequence" (id, type, prefix, padding, next_value)
      values ('dseq_payout', 'payout', 'PO-', 5, 1)
      on conflict do nothing;`)

    this.addSql(`
      create or replace function accounting_guard_payout() returns trigger as $$
      begin
        perform accounting_refuse(format('IMMUTABLE: payout %s is posted and cannot be %s',
          old.id, case when tg_op = 'DELETE' then 'deleted' else 'changed' end));
        return null;
      end;
      $$ language plpgsql;`)
    for (const table of ["payout", "payout_line"]) {
      this.addSql(`
        create trigger accounting_guard_${table} before update or delete on accounting_${table}
          for each row execute function accounting_guard_payout();`)
    }
    this.addSql(`
      alter table accounting_payout add constraint accounting_payout_net_is_gross_less_fee
        check (net = gross - fee);`)
    this.addSql(`
      alter table accounting_payout_line add constraint accounting_payout_line_net_is_gross_less_fee
        check (net = gross - fee);`)
    // A capture or refund is paid out once.
    this.addSql(`
      create unique index if not exists accounting_payout_line_matched_once
        on accounting_payout_line (matched_type, matched_id) where matched_id is not null;`)
  }

  override async down(): Promise<void> {
    for (const table of ["payout", "payout_line"]) {
      this.addSql(`drop trigger if exists accounting_guard_${table} on accounting_${table};`)
    }
    this.addSql(`drop function if exists accounting_guard_payout();`)
    this.addSql(`drop index if exists accounting_payout_line_matched_once;`)
    this.addSql(`alter table accounting_payout drop constraint if exists accounting_payout_net_is_gross_less_fee;`)
    this.addSql(`alter table accounting_payout_line drop constraint if exists accounting_payout_line_net_is_gross_less_fee;`)
  }
}
