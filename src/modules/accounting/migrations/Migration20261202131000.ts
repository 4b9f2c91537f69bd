import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: separation of duties in the database.
 * - The audit trail is append-only: a row is never deleted, and changes once
 *   only, when it is sealed into the hash chain (chain_seq, prev_hash, hash
 *   set from null); everything else is refused.
 * - A draft awaiting approval (or rejected) never leaves draft, and nobody
 *   approves their own document.
 */
export class Migration20261202131000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function accounting_guard_audit_event() returns trigger as $$
      declare
        chain text[] := array['chain_seq', 'prev_hash', 'hash'];
      begin
        if tg_op = 'DELETE' then
          perform accounting_refuse(format('IMMUTABLE: audit event %s cannot be deleted', old.id));
        end if;
        if old.chain_seq is null and new.chain_seq is not null and new.hash is not null
           and (to_jsonb(new) - chain) = (to_jsonb(old) - chain) then
          return new;
        end if;
        perform accounting_refuse(format('IMMUTABLE: audit event %s cannot be edited', old.id));
        return null;
      end;
      $$ language plpgsql;`)
    // The sealer looks only at rows still outside the chain (few), never the whole trail.
    this.addSql(`
      create index if not exists accounting_audit_event_unsealed on accounting_audit_event (created_at, id)
        where chain_seq is null;`)
    this.addSql(`drop trigger if exists accounting_guard_audit_event on accounting_audit_event;`)
    this.addSql(`
      create trigger accounting_guard_audit_event before update or delete on accounting_audit_event
        for each row execute function accounting_guard_audit_event();`)

    this.addSql(`
      create or replace function accounting_guard_approval() returns trigger as $$
      begin
        if old.status = 'draft' and new.status <> 'draft' and new.approval_status in ('pending', 'rejected') then
          perform accounting_refuse(format('APPROVAL_REQUIRED: %s %s is %s approval and cannot be posted',
            replace(tg_table_name, 'accounting_', ''), old.id,
            case new.approval_status when 'pending' then 'awaiting' else 'refused' end));
        end if;
        return new;
      end;
      $$ language plpgsql;`)
    for (const table of ["accounting_customer_refund", "accounting_credit_memo"]) {
      this.addSql(`drop trigger if exists ${table}_approval on ${table};`)
      this.addSql(`
        create trigger ${table}_approval before update on ${table}
          for each row execute function accounting_guard_approval();`)
      this.addSql(`
        alter table ${table} add constraint ${table}_approver_not_creator
          check (approved_by is null or created_by is null or approved_by <> created_by) not valid;`)
    }
  }

  override async down(): Promise<void> {
    for (const table of ["accounting_customer_refund", "accounting_credit_memo"]) {
      this.addSql(`drop trigger if exists ${table}_approval on ${table};`)
      this.addSql(`alter table ${table} drop constraint if exists ${table}_approver_not_creator;`)
    }
    this.addSql(`drop function if exists accounting_guard_approval();`)
    this.addSql(`drop trigger if exists accounting_guard_audit_event on accounting_audit_event;`)
    this.addSql(`drop function if exists accounting_guard_audit_event();`)
    this.addSql(`drop index if exists accounting_audit_event_unsealed;`)
  }
}
