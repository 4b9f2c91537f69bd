import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Hand-written: the database half of the posting rules (a posted entry cannot
 * change or disappear, lines are one-sided and non-negative, an entry only
 * becomes posted when it balances) and the default chart of accounts,
 * mappings, sequences and settings, seeded once.
 */
export class Migration20261125171000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table "accounting_journal_line"
        add constraint "accounting_journal_line_one_sided"
        check (debit >= 0 and credit >= 0 and ((debit = 0) <> (credit = 0)));`)
    for (const [table, column] of [
      ["accounting_journal_entry", "entry_date"],
      ["accounting_period", "start_date"],
      ["accounting_period", "end_date"],
      ["accounting_ar_document", "document_date"],
      ["accounting_ar_document", "due_date"],
      ["accounting_ar_application", "application_date"],
      ["accounting_credit_memo", "memo_date"],
      ["accounting_customer_refund", "refund_date"],
    ]) {
      this.addSql(`
        alter table "${table}" add constraint "${table}_${column}_iso"
          check (${column} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$');`)
    }

    this.addSql(`
      create or replace function accounting_guard_journal_entry() returns trigger as $$
      declare
        imbalance numeric;
      begin
        if tg_op = 'DELETE' then
          if old.status <> 'draft' then
            raise exception 'IMMUTABLE: posted journal entry % cannot be deleted', old.id
              using errcode = 'check_violation';
          end if;
          return old;
        end if;
        if old.status = 'draft' then
          if new.status = 'posted' then
            select coalesce(sum(debit) - sum(credit), 0) into imbalance
              from accounting_journal_line where entry_id = new.id and deleted_at is null;
            if imbalance <> 0 then
              raise exception 'UNBALANCED_ENTRY: journal entry % is off by %', new.id, imbalance
                using errcode = 'check_violation';
            end if;
          end if;
          return new;
        end if;
        -- Sealed: only posted -> reversed (with the reversal's id) may change.
        if (to_jsonb(new) - array['status', 'reversed_by_id', 'updated_at'])
             = (to_jsonb(old) - array['status', 'reversed_by_id', 'updated_at'])
           and (new.status = old.status and new.reversed_by_id is not distinct from old.reversed_by_id
                or old.status = 'posted' and new.status = 'reversed' and old.reversed_by_id is null
                   and new.reversed_by_id is not null) then
          return new;
        end if;
        raise exception 'IMMUTABLE: posted journal entry % cannot be changed', old.id
          using errcode = 'check_violation';
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_journal_entry
        before update or delete on "accounting_journal_entry"
        for each row execute function accounting_guard_journal_entry();`)

    this.addSql(`
      create or replace function accounting_guard_journal_line() returns trigger as $$
      declare
        entry_status text;
      begin
        select status into entry_status from accounting_journal_entry
          where id = coalesce(new.entry_id, old.entry_id);
        if entry_status is not null and entry_status <> 'draft' then
          raise exception 'IMMUTABLE: lines of posted journal entry % cannot change',
            coalesce(new.entry_id, old.entry_id) using errcode = 'check_violation';
        end if;
        return coalesce(new, old);
      end;
      $$ language plpgsql;`)
    this.addSql(`
      create trigger accounting_guard_journal_line
        before insert or update or delete on "accounting_journal_line"
        for each row execute function accounting_guard_journal_line();`)

    // Default chart (ACCOUNTING.md §2), idempotent.
    const accounts: [string, string, string][] = [
      ["1000", "Bank", "asset"],
      ["1100", "Accounts Receivable", "asset"],
      ["1200", "Undeposited Funds", "asset"],
      ["1210", "Credit Card Clearing", "asset"],
      ["1300", "Inventory", "asset"],
      ["2100", "Tax Payable", "liability"],
      ["2200", "Customer Deposits", "liability"],
      ["4000", "Sales Income", "income"],
      ["4100", "Sales Returns & Allowances", "income"],
      ["4150", "Sales Discounts", "income"],
      ["4200", "Shipping Income", "income"],
      ["5000", "Cost of Goods Sold", "expense"],
      ["5900", "Rounding", "expense"],
    ]
    for (const [code, name, type] of accounts) {
      this.addSql(`
        insert into "accounting_account" (id, code, name, type)
        values ('acct_${code}', '${code}', '${name.replace(/'/g, "''")}', '${type}')
        on conflict do nothing;`)
    }
    const mappings: [string, string, string][] = [
      ["role", "ar", "1100"],
      ["role", "sales", "4000"],
      ["role", "sales_returns", "4100"],
      ["role", "discounts", "4150"],
      ["role", "tax", "2100"],
      ["role", "shipping", "4200"],
      ["role", "undeposited_funds", "1200"],
      ["role", "card_clearing", "1210"],
      ["role", "bank", "1000"],
      ["role", "customer_deposits", "2200"],
      ["role", "inventory", "1300"],
      ["role", "cogs", "5000"],
      ["role", "rounding", "5900"],
      ["method", "check", "1000"],
      ["method", "eft", "1000"],
      ["method", "cash", "1000"],
      ["method", "record_transfer", "1000"],
      ["method", "card", "1210"],
      ["method", "store_credit", "2200"],
      ["provider", "pp_system_default", "1200"],
    ]
    for (const [kind, key, code] of mappings) {
      this.addSql(`
        insert into "accounting_account_mapping" (id, kind, key, account_id)
        values ('acmap_${kind}_${key}', '${kind}', '${key}', 'acct_${code}')
        on conflict do nothing;`)
    }
    const sequences: [string, string, number][] = [
      ["journal_entry", "JE-", 6],
      ["credit_memo", "CM-", 5],
      ["customer_refund", "RF-", 5],
      ["__chain", "", 0],
    ]
    for (const [type, prefix, padding] of sequences) {
      this.addSql(`
        insert into "accounting_document_sequence" (id, type, prefix, padding, next_value)
        values ('dseq_${type.replace(/_/g, "")}', '${type}', '${prefix}', ${padding}, 1)
        on conflict do nothing;`)
    }
    this.addSql(`
      insert into "accounting_setting" (id) values ('aset_default') on conflict do nothing;`)
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists accounting_guard_journal_line on "accounting_journal_line";`)
    this.addSql(`drop trigger if exists accounting_guard_journal_entry on "accounting_journal_entry";`)
    this.addSql(`drop function if exists accounting_guard_journal_line();`)
    this.addSql(`drop function if exists accounting_guard_journal_entry();`)
  }
}
