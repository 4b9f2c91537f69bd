import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: write-offs join maker-checker. Above the approval threshold a
 * write-off is a draft (no number, no entry) until a second user approves it.
 * - A draft changes only in its approval columns, is posted only whole (status,
 *   number, entry) and may be deleted; a posted one stays as before (void only).
 * - The approval trigger and the approver-not-creator CHECK of refunds and memos.
 */
export class Migration20261202170000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table accounting_write_off
        drop constraint if exists accounting_write_off_status_check,
        add constraint accounting_write_off_status_check check (status in ('draft', 'posted', 'voided')),
        alter column number drop not null,
        alter column journal_entry_id drop not null,
        add column if not exists approval_status text not null default 'not_required'
          check (approval_status in ('not_required', 'pending', 'approved', 'rejected')),
        add column if not exists approved_by text null,
        add column if not exists approved_at timestamptz null,
        add column if not exists rejected_by text null,
        add column if not exists rejected_at timestamptz null,
        add column if not exists rejection_reason text null,
        add constraint accounting_write_off_posted_whole
          check (status = 'draft' or (number is not null and journal_entry_id is not null)),
        add constraint accounting_write_off_approver_not_creator
          check (approved_by is null or created_by is null or approved_by <> created_by);`)
    this.addSql(`
      create or replace function accounting_guard_write_off() returns trigger as $$
      declare
        approving text[] := array['approval_status', 'approved_by', 'approved_at', 'rejected_by', 'rejected_at',
          'rejection_reason', 'updated_at'];
        posting text[] := array['status', 'number', 'journal_entry_id', 'updated_at'];
        voiding text[] := array['status', 'void_date', 'void_reason', 'void_journal_entry_id', 'voided_by',
          'voided_at', 'updated_at'];
      begin
        if tg_op = 'DELETE' then
          if old.status = 'draft' then
            return old;
          end if;
          perform accounting_refuse(format('IMMUTABLE: write-off %s cannot be deleted; void it', old.number));
        end if;
        if old.status = 'draft' and new.status = 'draft'
           and (to_jsonb(new) - approving) = (to_jsonb(old) - approving) then
          return new;
        end if;
        if old.status = 'draft' and new.status = 'posted'
           and (to_jsonb(new) - posting) = (to_jsonb(old) - posting) then
          return new;
        end if;
        if old.status = 'posted' and new.status = 'voided'
           and (to_jsonb(new) - voiding) = (to_jsonb(old) - voiding) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: %s write-off %s cannot be changed', old.status,
          coalesce(old.number, old.id)));
        return null;
      end;
      $$ language plpgsql;`)
    this.addSql(`drop trigger if exists accounting_write_off_approval on accounting_write_off;`)
    this.addSql(`
      create trigger accounting_write_off_approval before update on accounting_write_off
        for each row execute function accounting_guard_approval();`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists accounting_write_off_approval on accounting_write_off;`)
    this.addSql(`
      alter table accounting_write_off
        drop constraint if exists accounting_write_off_posted_whole,
        drop constraint if exists accounting_write_off_approver_not_creator,
        drop column if exists approval_status, drop column if exists approved_by,
        drop column if exists approved_at, drop column if exists rejected_by,
        drop column if exists rejected_at, drop column if exists rejection_reason,
        drop constraint if exists accounting_write_off_status_check,
        add constraint accounting_write_off_status_check check (status in ('posted', 'voided'));`)
  }
}
