import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The AR document types of the payments/write-offs and the order-transfer
 * work together: each branch's generated migration listed only its own.
 */
export class Migration20261202134500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`)
    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund', 'received_payment', 'write_off', 'transfer'));`)
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "accounting_ar_document" drop constraint if exists "accounting_ar_document_doc_type_check";`)
    this.addSql(`alter table if exists "accounting_ar_document" add constraint "accounting_ar_document_doc_type_check" check("doc_type" in ('order', 'order_adjustment', 'payment', 'payment_refund', 'credit_memo', 'customer_refund', 'received_payment', 'write_off'));`)
  }
}
