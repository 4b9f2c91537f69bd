import { Context, Logger } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  MedusaService,
} from "@medusajs/framework/utils"
import { reader, setLockTimeout, trx } from "./db"
import { isPostedBySubledger } from "./rules/reversible-entry"
import { AccountingError } from "./errors"
import { AccountingModuleOptions, parseAccountingOptions } from "./options"
import { applyOptions } from "./ledger/apply-options"
import { Actor, recordAudit } from "./ledger/audit"
import { closePeriod, createPeriod, PeriodChange, PeriodInput, reopenPeriod } from "./ledger/periods"
import {
  assertNoControlAccount,
  deleteDraftEntry,
  DraftUpdate,
  EntryInput,
  insertDraftEntry,
  loadEntry,
  postDraftEntry,
  postEntry,
  ReverseInput,
  reverseEntry,
  sealAtEnd,
  updateDraftEntry,
} from "./ledger/posting"
import { loadAccountMap, loadPostingSettings, loadSettings, SettingsUpdate, updateSettings } from "./ledger/settings"
import { loadReasonCodes } from "./ledger/reason-codes"
import { sealGeneratedMutators, SealedModel } from "./ledger/sealed-records"
import { verifyChain } from "./ledger/verify"
import { sealAuditChain, verifyAuditChain } from "./ledger/audit-chain"
import {
  accessOf,
  createRole,
  deleteRole,
  Grant,
  grantRole,
  restoreGrant,
  restoreRole,
  revokeGrant,
  Role,
  RoleInput,
  updateRole,
} from "./access/roles"
import { LegacyUser, upgradeAccessFromMetadata } from "./access/upgrade"
import { approvalQueue, ApprovalState, approveDocument, rejectDocument, restoreApproval } from "./ar/approvals"
import type { ApprovalDocumentType } from "./rules/approval"
import { loadClock } from "./ledger/clock"
import { capturesBooked, OrderSyncResult, syncOrder } from "./ar/order-sync"
import { ledgerChecklist } from "./ledger/close-checklist"
import { PostedPayout, postPayout, ProviderPayment } from "./ar/payouts"
import { BankDepositInput, postBankDeposit, undepositedReceipts } from "./ar/bank-deposits"
import type { PayoutInput } from "./rules/payout-input"
import {
  applyCreditMemo,
  createCreditMemo,
  CreditMemoInput,
  deleteCreditMemoDraft,
  CreditMemoUpdate,
  issueCreditMemo,
  recordLegalNumber,
  unapplyCreditMemo,
  updateCreditMemoDraft,
  voidCreditMemo,
} from "./ar/credit-memos"
import type { MoneyLike } from "./rules/money"
import { creditMemoBalances } from "./ar/credit-views"
import { GoodwillRefundRequest, planGoodwillRefund, voidGoodwillMemo } from "./ar/goodwill"
import { customerAccountingSummary, orderAccountingSummary } from "./ar/summaries"
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "./ledger/idempotency"
import { availableArCredits, reservations } from "./ar/available-credits"
import {
  completeCustomerRefund,
  createCustomerRefundDraft,
  CustomerRefundInput,
  deleteCustomerRefundDraft,
  ImportGroup,
  importCustomerRefundDrafts,
  loadRefundInput,
  beginPayout,
  markMoneyMoved,
  MoneyMoved,
  RefundContext,
  releaseCustomerRefund,
  staleRefunds,
  reserveCustomerRefund,
  updateCustomerRefundDraft,
  voidCustomerRefund,
  VoidRefundInput,
} from "./ar/customer-refunds"
import type { OrderSnapshot } from "./rules/order-recognition"
import {
  PaymentReversalInput,
  ReceivedPaymentContext,
  ReceivedPaymentInput,
  recordReceivedPayment,
  reverseReceivedPayment,
} from "./ar/received-payments"
import {
  BulkWriteOffInput,
  bulkWriteOff,
  createWriteOff,
  deleteWriteOffDraft,
  postWriteOff,
  voidWriteOff,
  WriteOffInput,
} from "./ar/write-offs"
import { applyCustomerCredit, unapplyCustomerCredit } from "./ar/customer-credits"
import {
  applyCustomerDeposit,
  CustomerDepositInput,
  DepositApplicationInput,
  depositActivity,
  DepositRefundInput,
  DepositUnapplyInput,
  DepositVoidInput,
  recordCustomerDeposit,
  refundCustomerDeposit,
  unapplyCustomerDeposit,
  voidCustomerDeposit,
} from "./ar/customer-deposits"
import {
  claimDuePostingErrors,
  PostingFailure,
  recordPostingError,
  resolvePostingErrors,
} from "./ledger/posting-errors"
import {
  Account,
  AccountingPeriod,
  AccountingRole,
  AccountingRoleGrant,
  AccountingSetting,
  AccountMapping,
  ArApplication,
  ArDocument,
  AuditEvent,
  BankDeposit,
  BankDepositItem,
  CreditMemo,
  CreditMemoLine,
  CustomerDeposit,
  CustomerDepositApplication,
  CustomerDepositRefund,
  CustomerRefund,
  CustomerRefundLine,
  DocumentSequence,
  IdempotencyKey,
  JournalEntry,
  JournalLine,
  PaymentTerm,
  Payout,
  PayoutLine,
  PostingError,
  ReceivedPayment,
  WriteOff,
} from "./models"

/**
 * The accounting module. Generated CRUD serves reads and setup data; every
 * ledger write goes through the methods below, which run in one database
 * transaction each and enforce the posting rules themselves, whoever calls.
 */
export default class AccountingModuleService extends MedusaService({
  AccountingAccount: Account,
  AccountMapping,
  AccountingPeriod,
  AccountingSetting,
  AccountingRole,
  AccountingRoleGrant,
  ArApplication,
  ArDocument,
  AuditEvent,
  BankDeposit,
  BankDepositItem,
  CreditMemo,
  CreditMemoLine,
  CustomerDeposit,
  CustomerDepositApplication,
  CustomerDepositRefund,
  CustomerRefund,
  CustomerRefundLine,
  DocumentSequence,
  IdempotencyKey,
  JournalEntry,
  JournalLine,
  PaymentTerm,
  Payout,
  PayoutLine,
  PostingError,
  ReceivedPayment,
  WriteOff,
}) {
  protected readonly options_: AccountingModuleOptions
  protected readonly logger_?: Logger

  constructor(container: Record<string, unknown>, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // Validated by the module loader already; parsed again for the defaults.
    this.options_ = parseAccountingOptions(options)
    this.logger_ = container.logger as Logger | undefined
    sealGeneratedMutators(this as unknown as Record<string, any>, this.sealedModels())
  }

  /**
   * Posted accounting records are never edited or deleted through the
   * generated CRUD either (the guard triggers refuse them too).
   */
  private sealedModels(): SealedModel[] {
    const notDraft = { status: { $ne: "draft" } }
    const select = { select: ["id", "number", "status"] }
    return [
      {
        name: "JournalEntries",
        label: "Journal entry",
        sealed: (id) => this.listJournalEntries({ id, ...notDraft }, select),
        instead: "reverse it instead",
      },
      {
        name: "JournalLines",
        label: "Journal entry",
        sealed: (id) => this.listJournalEntries({ lines: { id }, ...notDraft }, select),
        instead: "reverse the entry instead",
      },
      {
        name: "CreditMemos",
        label: "Credit memo",
        sealed: (id) => this.listCreditMemos({ id, ...notDraft }, select),
        instead: "void it instead",
      },
      {
        name: "CreditMemoLines",
        label: "Credit memo",
        sealed: (id) => this.listCreditMemos({ lines: { id }, ...notDraft }, select),
        instead: "void it instead",
      },
      {
        name: "CustomerRefunds",
        label: "Refund",
        sealed: (id) => this.listCustomerRefunds({ id, ...notDraft }, select),
        instead: "void it instead",
      },
      {
        name: "CustomerRefundLines",
        label: "Refund",
        sealed: (id) => this.listCustomerRefunds({ lines: { id }, ...notDraft }, select),
        instead: "void it instead",
      },
      // Roles, grants and the audit trail change only through the methods below.
      { name: "AccountingRoles", label: "Accounting role", instead: "use updateAccountingRole / deleteAccountingRole" },
      { name: "AccountingRoleGrants", label: "Role grant", instead: "use revokeAccountingRoleGrant" },
      { name: "AuditEvents", label: "Audit event", instead: "audit events are append-only" },
      {
        name: "ReceivedPayments",
        label: "Payment",
        instead: "reverse it instead",
      },
      {
        name: "WriteOffs",
        label: "Write-off",
        instead: "void it instead",
      },
      { name: "CustomerDeposits", label: "Deposit", instead: "void it instead" },
      { name: "CustomerDepositApplications", label: "Deposit application", instead: "unapply it" },
      { name: "CustomerDepositRefunds", label: "Deposit refund", instead: "refunds are final" },
      { name: "ArDocuments", label: "AR document", instead: "void or correct the document that posted it" },
      { name: "ArApplications", label: "AR application", instead: "unapply it" },
    ]
  }

  // Called by Medusa on every instance once the application has started.
  readonly __hooks = {
    onApplicationStart: async () => {
      try {
        await this.applyOptions()
      } catch (e: any) {
        this.logger_?.error(`[accounting] plugin options not applied: ${e.message}`)
      }
    },
  }

  /** Writes changed plugin options into the settings (once per change, whichever instance starts first). */
  @InjectTransactionManager()
  async applyOptions(@MedusaContext() ctx: Context = {}) {
    const update = await applyOptions(trx(ctx), this.options_)
    if (update) {
      this.logger_?.info("[accounting] plugin options applied to the accounting settings")
    }
    return update
  }

  // Medusa's types pluralise CreditMemo as "CreditMemoes"; at runtime the
  // generated methods are named with "CreditMemos".
  declare listCreditMemos: (
    filters?: Record<string, unknown>,
    config?: Record<string, unknown>,
    ctx?: Context
  ) => Promise<any[]>
  declare listAndCountCreditMemos: (
    filters?: Record<string, unknown>,
    config?: Record<string, unknown>,
    ctx?: Context
  ) => Promise<[any[], number]>

  // ---- journal ---------------------------------------------------------
  // Drafts are manual entries: they stay off the AR control account.

  @InjectTransactionManager()
  async createJournalEntryDraft(input: EntryInput, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await assertNoControlAccount(
      knex,
      input.lines.map((l) => l.account_id)
    )
    const id = await insertDraftEntry(knex, input)
    await recordAudit(knex, {
      entity_type: "journal_entry",
      entity_id: id,
      action: "create",
      to_status: "draft",
      actor_id: input.actor_id,
      origin: input.origin,
    })
    return await loadEntry(knex, id)
  }

  @InjectTransactionManager()
  async updateJournalEntryDraft(
    id: string,
    update: DraftUpdate,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    if (update.lines) {
      await assertNoControlAccount(
        knex,
        update.lines.map((l) => l.account_id)
      )
    }
    await updateDraftEntry(knex, id, update)
    await recordAudit(knex, { entity_type: "journal_entry", entity_id: id, action: "update", ...actor })
    return await loadEntry(knex, id)
  }

  @InjectTransactionManager()
  async deleteJournalEntryDraft(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await deleteDraftEntry(knex, id)
    await recordAudit(knex, {
      entity_type: "journal_entry",
      entity_id: id,
      action: "delete",
      from_status: "draft",
      ...actor,
    })
  }

  @InjectTransactionManager()
  async postJournalEntry(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    const lines = await knex("accounting_journal_line").select("account_id").where({ entry_id: id })
    await assertNoControlAccount(
      knex,
      lines.map((l: { account_id: string }) => l.account_id)
    )
    const entry = await postDraftEntry(knex, id, actor.actor_id)
    await recordAudit(knex, {
      entity_type: "journal_entry",
      entity_id: id,
      action: "post",
      from_status: "draft",
      to_status: "posted",
      ...actor,
    })
    return entry
  }

  /** Creates and posts at once; with a source key it posts at most once. */
  @InjectTransactionManager()
  async postEntry(input: EntryInput, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await postEntry(knex, input)
  }

  @InjectTransactionManager()
  async reverseJournalEntry(id: string, input: ReverseInput, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    const entry = await loadEntry(knex, id)
    if (isPostedBySubledger(entry)) {
      // Its subledger document would stay: correct the document, which reverses its entry.
      throw new AccountingError(
        "SUBLEDGER_ENTRY",
        `Journal entry ${entry.number} was posted by ${entry.source_type.replace(/_/g, " ")} ${entry.source_id}; void or correct that document instead`
      )
    }
    const result = await reverseEntry(knex, id, input)
    await recordAudit(knex, {
      entity_type: "journal_entry",
      entity_id: id,
      action: "reverse",
      from_status: "posted",
      to_status: "reversed",
      actor_id: input.actor_id,
      origin: input.origin,
      data: { reversal_id: result.reversal.id, date: input.date },
    })
    return result
  }

  @InjectManager()
  async verifyJournal(@MedusaContext() ctx: Context = {}) {
    return await verifyChain(reader(ctx))
  }

  // ---- periods ---------------------------------------------------------

  @InjectTransactionManager()
  async createAccountingPeriod(input: PeriodInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    return await createPeriod(trx(ctx), input, actor)
  }

  @InjectTransactionManager()
  async closeAccountingPeriod(id: string, actor: PeriodChange = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await closePeriod(knex, id, actor)
  }

  /** The ledger's close checklist of a period (drafts, posting errors, unapplied payments, clearing). */
  @InjectManager()
  async periodLedgerChecklist(id: string, @MedusaContext() ctx: Context = {}) {
    const knex = reader(ctx)
    const period = await knex("accounting_period").where({ id }).whereNull("deleted_at").first()
    if (!period) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Period ${id} was not found`)
    }
    return { period, items: await ledgerChecklist(knex, period) }
  }

  @InjectTransactionManager()
  async reopenAccountingPeriod(id: string, actor: PeriodChange = {}, @MedusaContext() ctx: Context = {}) {
    return await reopenPeriod(trx(ctx), id, actor)
  }

  // ---- approvals (maker-checker) ---------------------------------------

  @InjectTransactionManager()
  async approveDocument(type: ApprovalDocumentType, id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await approveDocument(knex, type, id, actor)
  }

  @InjectTransactionManager()
  async rejectDocument(
    type: ApprovalDocumentType,
    id: string,
    reason: string,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await rejectDocument(knex, type, id, reason, actor)
  }

  /** Compensation of approve/reject: the approval columns as they were. */
  @InjectTransactionManager()
  async restoreApproval(
    type: ApprovalDocumentType,
    id: string,
    state: ApprovalState,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    await restoreApproval(trx(ctx), type, id, state, actor)
  }

  @InjectManager()
  async listAwaitingApproval(
    types: ApprovalDocumentType[],
    page: { limit?: number; offset?: number } = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await approvalQueue(reader(ctx), types, page.limit, page.offset)
  }

  // ---- access: roles and grants ----------------------------------------

  /** What `userId` may do in accounting (roles tables only; bootstrap when no grant exists). */
  @InjectManager()
  async getAccess(userId: string | null | undefined, @MedusaContext() ctx: Context = {}) {
    return await accessOf(reader(ctx), userId)
  }

  @InjectTransactionManager()
  async createAccountingRole(input: RoleInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    return await createRole(trx(ctx), input, actor)
  }

  @InjectTransactionManager()
  async updateAccountingRole(
    id: string,
    update: Partial<RoleInput>,
    actor: Actor = {},
    options: { compensating?: boolean } = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await updateRole(trx(ctx), id, update, actor, options)
  }

  @InjectTransactionManager()
  async deleteAccountingRole(
    id: string,
    actor: Actor = {},
    options: { compensating?: boolean } = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await deleteRole(trx(ctx), id, actor, options)
  }

  @InjectTransactionManager()
  async restoreAccountingRole(role: Role, grants: Grant[], actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await restoreRole(trx(ctx), role, grants, actor)
  }

  @InjectTransactionManager()
  async grantAccountingRole(
    input: { user_id: string; role_id: string },
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await grantRole(trx(ctx), input, actor)
  }

  @InjectTransactionManager()
  async revokeAccountingRoleGrant(
    id: string,
    actor: Actor = {},
    options: { compensating?: boolean } = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await revokeGrant(trx(ctx), id, actor, options)
  }

  @InjectTransactionManager()
  async restoreAccountingRoleGrant(grant: Grant, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await restoreGrant(trx(ctx), grant, actor)
  }

  /** One-time upgrade of metadata permission lists into roles (src/migration-scripts). */
  @InjectTransactionManager()
  async upgradeAccessFromMetadata(users: LegacyUser[], @MedusaContext() ctx: Context = {}) {
    return await upgradeAccessFromMetadata(trx(ctx), users, { origin: "migration" })
  }

  // ---- audit trail -------------------------------------------------------

  /** Seals pending audit rows into the chain (waits for a sealer already at work). */
  @InjectTransactionManager()
  async sealAuditTrail(@MedusaContext() ctx: Context = {}) {
    return await sealAuditChain(trx(ctx))
  }

  @InjectManager()
  async verifyAuditTrail(@MedusaContext() ctx: Context = {}) {
    return await verifyAuditChain(reader(ctx))
  }

  /** Records an action done outside the module (e.g. by a route or another module) in the audit trail. */
  @InjectTransactionManager()
  async recordAuditEvent(event: Parameters<typeof recordAudit>[1], @MedusaContext() ctx: Context = {}) {
    await recordAudit(trx(ctx), event)
  }

  // ---- settings --------------------------------------------------------

  @InjectManager()
  async getSettings(@MedusaContext() ctx: Context = {}) {
    return await loadSettings(reader(ctx))
  }

  /** The reason codes per document type (settings over the defaults). */
  @InjectManager()
  async getReasonCodes(@MedusaContext() ctx: Context = {}) {
    return await loadReasonCodes(reader(ctx))
  }

  /** Terms, aging buckets and posting toggles only (no mappings or sequences). */
  @InjectManager()
  async getPostingSettings(@MedusaContext() ctx: Context = {}) {
    return await loadPostingSettings(reader(ctx))
  }

  @InjectTransactionManager()
  async updateSettings(update: SettingsUpdate, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    const previous = await loadSettings(knex)
    await updateSettings(knex, update)
    const current = await loadSettings(knex)
    // Before/after of the parts the update touched (mappings as account ids).
    const part = (s: Record<string, any>) =>
      Object.fromEntries(
        Object.keys(update).map((k) => {
          const v = s[k]
          const ids =
            v && typeof v === "object" && !Array.isArray(v) && k.endsWith("_accounts")
              ? Object.fromEntries(Object.entries(v).map(([key, a]: [string, any]) => [key, a?.code ?? a?.id ?? null]))
              : v
          return [k, ids ?? null]
        })
      )
    await recordAudit(knex, {
      entity_type: "settings",
      entity_id: "settings",
      action: "update",
      data: update as Record<string, unknown>,
      before: part(previous),
      after: part(current),
      ...actor,
    })
    return await loadSettings(knex)
  }

  /** The store's accounting day (its time zone) and whether later dates are allowed. */
  @InjectManager()
  async getClock(@MedusaContext() ctx: Context = {}) {
    return await loadClock(reader(ctx))
  }

  @InjectManager()
  async getAccountMap(@MedusaContext() ctx: Context = {}) {
    return await loadAccountMap(reader(ctx))
  }

  // ---- AR subledger from store activity --------------------------------

  /**
   * Posts what an order's current state adds to the ledger (see ar/order-sync).
   * With `dry_run` everything is computed and rolled back.
   */
  async syncOrderLedger(
    order: OrderSnapshot,
    options: { origin?: string; dry_run?: boolean; force?: boolean } = {}
  ) {
    try {
      return await this.syncOrderLedger_(order, options)
    } catch (e) {
      if (e instanceof DryRun) {
        return e.result as OrderSyncResult
      }
      throw e
    }
  }

  /** Whether these Medusa captures are all booked (a capture event that brings nothing new). */
  @InjectManager()
  async capturesBooked(captureIds: string[], @MedusaContext() ctx: Context = {}) {
    return await capturesBooked(reader(ctx), captureIds)
  }

  @InjectTransactionManager()
  protected async syncOrderLedger_(
    order: OrderSnapshot,
    options: { origin?: string; dry_run?: boolean; force?: boolean },
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    // The journal's number and chain rows are taken last: other orders' postings wait on them only briefly.
    const { result, sealed } = await sealAtEnd(knex, () => syncOrder(knex, order, options.origin, { force: options.force }))
    for (const p of result.posted) {
      p.number = sealed.get(p.entry_id)?.number ?? p.number
    }
    if (options.dry_run) {
      throw new DryRun(result)
    }
    return result
  }

  // ---- payouts -----------------------------------------------------------

  /**
   * Posts the payouts of one file or API call in one transaction: all or
   * nothing. A payout already posted (same provider + payout id) is returned
   * with created=false and posts nothing.
   */
  @InjectTransactionManager()
  async postPayouts(
    payouts: PayoutInput[],
    ctx: Actor & { source: "stripe_csv" | "csv" | "api"; payments: Record<string, ProviderPayment> },
    @MedusaContext() context: Context = {}
  ) {
    const knex = trx(context)
    await setLockTimeout(knex)
    const posted: PostedPayout[] = []
    for (const payout of payouts) {
      posted.push(await postPayout(knex, payout, ctx))
    }
    return posted
  }

  // ---- bank deposits ------------------------------------------------------

  /** Posts one deposit slip (DS-) of receipts in Undeposited Funds, in one transaction. */
  @InjectTransactionManager()
  async postBankDeposit(input: BankDepositInput, ctx: Actor, @MedusaContext() context: Context = {}) {
    const knex = trx(context)
    await setLockTimeout(knex)
    return await postBankDeposit(knex, input, ctx)
  }

  /** Receipts sitting in Undeposited Funds, not yet deposited. */
  @InjectManager()
  async listUndepositedReceipts(filter: { currency_code?: string } = {}, @MedusaContext() context: Context = {}) {
    return await undepositedReceipts(reader(context), filter)
  }

  // ---- credit memos -----------------------------------------------------

  @InjectTransactionManager()
  async createCreditMemo(input: CreditMemoInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    return await createCreditMemo(trx(ctx), input, actor)
  }

  @InjectTransactionManager()
  async updateCreditMemoDraft(
    id: string,
    update: CreditMemoUpdate,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    await updateCreditMemoDraft(trx(ctx), id, update, actor)
  }

  @InjectTransactionManager()
  async deleteCreditMemoDraft(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await deleteCreditMemoDraft(trx(ctx), id, actor)
  }

  @InjectTransactionManager()
  async issueCreditMemo(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await issueCreditMemo(knex, id, actor)
  }

  /** Checks a goodwill refund before anything is written (ar/goodwill.ts); reads only. */
  @InjectManager()
  async planGoodwillRefund(
    input: GoodwillRefundRequest,
    context: RefundContext,
    @MedusaContext() ctx: Context = {}
  ) {
    return await planGoodwillRefund(reader(ctx), input, context)
  }

  /** Compensation of a goodwill refund: voids its memo unless a refund drawing on it is past draft. */
  @InjectTransactionManager()
  async voidGoodwillMemo(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await voidGoodwillMemo(knex, id, actor)
  }

  @InjectTransactionManager()
  async voidCreditMemo(id: string, date: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await voidCreditMemo(knex, id, date, actor)
  }

  /** The legal credit note number an invoicing plugin issued for an issued memo (once). */
  @InjectTransactionManager()
  async recordCreditMemoLegalNumber(
    id: string,
    legalNumber: string,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    await recordLegalNumber(trx(ctx), id, legalNumber, actor)
  }

  /** Returns the application id (one per apply, however many documents it settles). */
  @InjectTransactionManager()
  async applyCreditMemo(
    id: string,
    input: { order_id: string; amount: MoneyLike; date: string },
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await applyCreditMemo(knex, id, input, actor)
  }

  /** Records and posts a payment received outside Medusa, allocated to open orders (PMT-). */
  @InjectTransactionManager()
  async recordReceivedPayment(
    input: ReceivedPaymentInput,
    context: ReceivedPaymentContext = {},
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await recordReceivedPayment(knex, input, context, actor)
  }

  /** Reverses a posted payment (bounced check, chargeback, error): its orders owe again. */
  @InjectTransactionManager()
  async reverseReceivedPayment(
    id: string,
    input: PaymentReversalInput,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await reverseReceivedPayment(knex, id, input, actor)
  }

  /** Writes off (part of) what an order owes (WO-): Dr Bad Debt / Cr AR. */
  @InjectTransactionManager()
  async createWriteOff(input: WriteOffInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await createWriteOff(knex, input, actor)
  }

  /** Posts a draft write-off once a second user approved it. */
  @InjectTransactionManager()
  async postWriteOff(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await postWriteOff(knex, id, actor)
  }

  /** Deletes a draft write-off (awaiting approval or rejected). */
  @InjectTransactionManager()
  async deleteWriteOffDraft(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await deleteWriteOffDraft(trx(ctx), id, actor)
  }

  /** Writes off every order of a currency owing at most `threshold`, in one batch. */
  @InjectTransactionManager()
  async bulkWriteOff(input: BulkWriteOffInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await bulkWriteOff(knex, input, actor)
  }

  @InjectTransactionManager()
  async voidWriteOff(
    id: string,
    input: { date: string; reason?: string | null },
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await voidWriteOff(knex, id, input, actor)
  }

  // ---- customer deposits (DEP-) -----------------------------------------

  /** Records and posts a deposit taken before an order: Dr the method's account / Cr Customer Advances. */
  @InjectTransactionManager()
  async recordCustomerDeposit(input: CustomerDepositInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await recordCustomerDeposit(knex, input, actor)
  }

  /** Applies part of a deposit to an order: Dr Customer Advances / Cr AR. Returns the application id. */
  @InjectTransactionManager()
  async applyCustomerDeposit(
    id: string,
    input: DepositApplicationInput,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await applyCustomerDeposit(knex, id, input, actor)
  }

  @InjectTransactionManager()
  async unapplyCustomerDeposit(
    id: string,
    applicationId: string,
    input: DepositUnapplyInput,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await unapplyCustomerDeposit(knex, id, applicationId, input, actor)
  }

  /** Pays back what remains of a deposit: Dr Customer Advances / Cr the method's account. */
  @InjectTransactionManager()
  async refundCustomerDeposit(
    id: string,
    input: DepositRefundInput,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await refundCustomerDeposit(knex, id, input, actor)
  }

  @InjectTransactionManager()
  async voidCustomerDeposit(id: string, input: DepositVoidInput, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await voidCustomerDeposit(knex, id, input, actor)
  }

  /** Remaining amount, applications and refunds of deposits, by their id. */
  @InjectManager()
  async customerDepositActivity(ids: string[], @MedusaContext() ctx: Context = {}) {
    return await depositActivity(reader(ctx), ids)
  }

  /** Applies any open credit of a customer to one of its open orders (same currency). */
  @InjectTransactionManager()
  async applyCustomerCredit(
    input: { customer_id: string; credit_document_id: string; order_id: string; amount: MoneyLike; date: string },
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await applyCustomerCredit(knex, input, actor)
  }

  @InjectTransactionManager()
  async unapplyCustomerCredit(
    input: { customer_id: string; application_id: string; date: string },
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await unapplyCustomerCredit(knex, input, actor)
  }

  @InjectTransactionManager()
  async unapplyCreditMemo(
    id: string,
    applicationId: string,
    date: string,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await unapplyCreditMemo(knex, id, applicationId, date, actor)
  }

  @InjectManager()
  async orderAccountingSummary(orderId: string, @MedusaContext() ctx: Context = {}) {
    return await orderAccountingSummary(reader(ctx), orderId)
  }

  @InjectManager()
  async customerAccountingSummary(customerId: string, @MedusaContext() ctx: Context = {}) {
    return await customerAccountingSummary(reader(ctx), customerId)
  }

  @InjectManager()
  async creditMemoBalances(memoIds: string[], @MedusaContext() ctx: Context = {}) {
    return await creditMemoBalances(reader(ctx), memoIds)
  }

  /** Remaining amount and applications of received payments or write-offs, by their id. */
  @InjectManager()
  async creditDocumentBalances(
    docType: "received_payment" | "write_off",
    ids: string[],
    @MedusaContext() ctx: Context = {}
  ) {
    return await creditMemoBalances(reader(ctx), ids, docType)
  }

  // ---- customer refunds -------------------------------------------------

  @InjectManager()
  async listAvailableArCredits(customerId: string, currency?: string, @MedusaContext() ctx: Context = {}) {
    return await availableArCredits(reader(ctx), customerId, currency)
  }

  /** Store credit reserved by refunds being posted, per loyalty account. */
  @InjectManager()
  async reservedStoreCredit(accountIds: string[], @MedusaContext() ctx: Context = {}) {
    return await reservations(reader(ctx), { store_credit_ids: accountIds })
  }

  @InjectManager()
  async getCustomerRefundInput(id: string, @MedusaContext() ctx: Context = {}) {
    return await loadRefundInput(reader(ctx), id)
  }

  @InjectTransactionManager()
  async createCustomerRefundDraft(
    input: CustomerRefundInput,
    context: RefundContext,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    return await createCustomerRefundDraft(trx(ctx), input, context, actor)
  }

  /**
   * All-or-nothing unless `partial`: any error rolls every draft of the file
   * back. `reject` checks every refund and rolls all back regardless (the file
   * already has errors elsewhere), so one answer lists every problem.
   */
  async importCustomerRefundDrafts(
    groups: ImportGroup[],
    context: RefundContext,
    actor: Actor = {},
    { partial = false, reject = false }: { partial?: boolean; reject?: boolean } = {}
  ) {
    try {
      return await this.importCustomerRefundDrafts_(groups, context, actor, partial, reject)
    } catch (e) {
      if (e instanceof DryRun) {
        return e.result as Awaited<ReturnType<typeof importCustomerRefundDrafts>>
      }
      throw e
    }
  }

  @InjectTransactionManager()
  protected async importCustomerRefundDrafts_(
    groups: ImportGroup[],
    context: RefundContext,
    actor: Actor,
    partial: boolean,
    reject: boolean,
    @MedusaContext() ctx: Context = {}
  ) {
    const result = await importCustomerRefundDrafts(trx(ctx), groups, context, actor)
    if (reject || (result.errors.length && !partial)) {
      throw new DryRun({ created: [], errors: result.errors })
    }
    return result
  }

  @InjectTransactionManager()
  async updateCustomerRefundDraft(
    id: string,
    update: Partial<Omit<CustomerRefundInput, "customer_id">>,
    context: RefundContext,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    await updateCustomerRefundDraft(trx(ctx), id, update, context, actor)
  }

  @InjectTransactionManager()
  async deleteCustomerRefundDraft(id: string, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await deleteCustomerRefundDraft(trx(ctx), id, actor)
  }

  @InjectTransactionManager()
  async reserveCustomerRefund(
    id: string,
    context: RefundContext,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await reserveCustomerRefund(knex, id, context, actor)
  }

  /** Only for a refund whose money did not move (the caller has settled that); refuses money_moved. */
  @InjectTransactionManager()
  async releaseCustomerRefund(
    id: string,
    reason: string,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    await releaseCustomerRefund(trx(ctx), id, reason, actor)
  }

  /** One conditional statement (the read after it only explains a refusal): no transaction of its own. */
  @InjectManager()
  async beginPayout(id: string, @MedusaContext() ctx: Context = {}) {
    await beginPayout(reader(ctx), id)
  }

  @InjectTransactionManager()
  async markMoneyMoved(id: string, moved: MoneyMoved, actor: Actor = {}, @MedusaContext() ctx: Context = {}) {
    await markMoneyMoved(trx(ctx), id, moved, actor)
  }

  @InjectTransactionManager()
  async completeCustomerRefund(
    id: string,
    moved: MoneyMoved,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    return await completeCustomerRefund(knex, id, moved, actor)
  }

  @InjectTransactionManager()
  async voidCustomerRefund(
    id: string,
    input: VoidRefundInput,
    actor: Actor = {},
    @MedusaContext() ctx: Context = {}
  ) {
    const knex = trx(ctx)
    await setLockTimeout(knex)
    await voidCustomerRefund(knex, id, input, actor)
  }

  /** Refunds reserved or paid out whose workflow is gone (for the recovery job). */
  @InjectManager()
  async listStaleRefunds(olderThanSeconds: number, @MedusaContext() ctx: Context = {}) {
    return await staleRefunds(reader(ctx), olderThanSeconds)
  }

  // ---- idempotency keys -------------------------------------------------

  @InjectTransactionManager()
  async claimIdempotencyKey(scope: string, key: string, hash: string, @MedusaContext() ctx: Context = {}) {
    return await claimIdempotencyKey(trx(ctx), scope, key, hash)
  }

  @InjectTransactionManager()
  async completeIdempotencyKey(
    id: string,
    status: number,
    body: unknown,
    @MedusaContext() ctx: Context = {}
  ) {
    await completeIdempotencyKey(trx(ctx), id, status, body)
  }

  @InjectTransactionManager()
  async releaseIdempotencyKey(id: string, @MedusaContext() ctx: Context = {}) {
    await releaseIdempotencyKey(trx(ctx), id)
  }

  // ---- posting errors ---------------------------------------------------

  @InjectTransactionManager()
  async recordPostingError(failure: PostingFailure, @MedusaContext() ctx: Context = {}) {
    return await recordPostingError(trx(ctx), failure)
  }

  /** One statement, run after every successful posting: no transaction of its own. */
  @InjectManager()
  async resolvePostingErrors(sourceType: string, sourceId: string, @MedusaContext() ctx: Context = {}) {
    return await resolvePostingErrors(reader(ctx), sourceType, sourceId)
  }

  @InjectTransactionManager()
  async claimDuePostingErrors(limit = 50, @MedusaContext() ctx: Context = {}) {
    return await claimDuePostingErrors(trx(ctx), limit)
  }

  @InjectTransactionManager()
  async claimSyncWindow(@MedusaContext() ctx: Context = {}): Promise<{ from: Date | null; to: Date }> {
    const knex = trx(ctx)
    const row = await knex("accounting_setting").whereNull("deleted_at").forUpdate().first()
    const { rows } = await knex.raw("select now() as now")
    await knex("accounting_setting").where({ id: row.id }).update({ sync_cursor: rows[0].now })
    return { from: row.sync_cursor, to: rows[0].now }
  }
}

/** Carries a result out of the transaction it rolls back (dry runs, refused imports). */
class DryRun extends Error {
  constructor(readonly result: unknown) {
    super("dry run")
  }
}
