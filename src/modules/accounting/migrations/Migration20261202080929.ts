import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261202080929 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "accounting_audit_event" drop constraint if exists "accounting_audit_event_chain_seq_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_role_grant" drop constraint if exists "accounting_role_grant_user_id_role_id_unique";`
    )
    this.addSql(
      `alter table if exists "accounting_role" drop constraint if exists "accounting_role_name_unique";`
    )
    this.addSql(
      `create table if not exists "accounting_role" ("id" text not null, "name" text not null, "description" text null, "permissions" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_role_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_role_deleted_at" ON "accounting_role" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_role_name_unique" ON "accounting_role" ("name") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "accounting_role_grant" ("id" text not null, "user_id" text not null, "role_id" text not null, "granted_by" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "accounting_role_grant_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_role_grant_deleted_at" ON "accounting_role_grant" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_role_grant_user_id_role_id_unique" ON "accounting_role_grant" ("user_id", "role_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_role_grant_role_id" ON "accounting_role_grant" ("role_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(`alter table if exists "accounting_setting" add column if not exists "approvals" jsonb null;`)

    this.addSql(
      `alter table if exists "accounting_audit_event" add column if not exists "before" jsonb null, add column if not exists "after" jsonb null, add column if not exists "chain_seq" integer null, add column if not exists "prev_hash" text null, add column if not exists "hash" text null;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_accounting_audit_event_chain_seq_unique" ON "accounting_audit_event" ("chain_seq") WHERE chain_seq IS NOT NULL AND deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_audit_event_actor_id" ON "accounting_audit_event" ("actor_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_accounting_audit_event_created_at" ON "accounting_audit_event" ("created_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "accounting_credit_memo" add column if not exists "approval_status" text check ("approval_status" in ('not_required', 'pending', 'approved', 'rejected')) not null default 'not_required', add column if not exists "approved_by" text null, add column if not exists "approved_at" timestamptz null, add column if not exists "rejected_by" text null, add column if not exists "rejected_at" timestamptz null, add column if not exists "rejection_reason" text null;`
    )

    this.addSql(
      `alter table if exists "accounting_customer_refund" add column if not exists "approval_status" text check ("approval_status" in ('not_required', 'pending', 'approved', 'rejected')) not null default 'not_required', add column if not exists "approved_by" text null, add column if not exists "approved_at" timestamptz null, add column if not exists "rejected_by" text null, add column if not exists "rejected_at" timestamptz null, add column if not exists "rejection_reason" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "accounting_role" cascade;`)

    this.addSql(`drop table if exists "accounting_role_grant" cascade;`)

    this.addSql(`alter table if exists "accounting_setting" drop column if exists "approvals";`)

    this.addSql(`drop index if exists "IDX_accounting_audit_event_chain_seq_unique";`)
    this.addSql(`drop index if exists "IDX_accounting_audit_event_actor_id";`)
    this.addSql(`drop index if exists "IDX_accounting_audit_event_created_at";`)
    this.addSql(
      `alter table if exists "accounting_audit_event" drop column if exists "before", drop column if exists "after", drop column if exists "chain_seq", drop column if exists "prev_hash", drop column if exists "hash";`
    )

    this.addSql(
      `alter table if exists "accounting_credit_memo" drop column if exists "approval_status", drop column if exists "approved_by", drop column if exists "approved_at", drop column if exists "rejected_by", drop column if exists "rejected_at", drop column if exists "rejection_reason";`
    )

    this.addSql(
      `alter table if exists "accounting_customer_refund" drop column if exists "approval_status", drop column if exists "approved_by", drop column if exists "approved_at", drop column if exists "rejected_by", drop column if exists "rejected_at", drop column if exists "rejection_reason";`
    )
  }
}
