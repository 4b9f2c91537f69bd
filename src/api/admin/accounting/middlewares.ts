import type { MiddlewareRoute } from "@medusajs/framework/http"
import { listFilters } from "../../utils/list-filters"
import { EmptyBody, SelectParams } from "../../utils/validators"
import { requirePermission } from "../../utils/permissions"
import { validateAndTransformQuery, validateBody } from "../../utils/validate"
import * as accounts from "./accounts/validators"
import * as accountsConfig from "./accounts/query-config"
import * as journal from "./journal-entries/validators"
import * as journalConfig from "./journal-entries/query-config"
import * as periods from "./periods/validators"
import * as periodsConfig from "./periods/query-config"
import * as postingErrors from "./posting-errors/validators"
import * as postingErrorsConfig from "./posting-errors/query-config"
import { AdminUpdateAccountingSettings } from "./settings/validators"

export const accountingSetupMiddlewares: MiddlewareRoute[] = [
  // reason codes, for the forms of whoever drafts or lists memos, refunds and write-offs
  {
    method: ["GET"],
    matcher: "/admin/accounting/reason-codes",
    middlewares: [
      requirePermission(
        "credit_memos:list",
        "credit_memos:add",
        "customer_refunds:list",
        "customer_refunds:add",
        "writeoffs:list",
        "writeoffs:create",
        "settings:view"
      ),
    ],
  },
  // accounts
  {
    method: ["GET"],
    matcher: "/admin/accounting/accounts",
    middlewares: [
      requirePermission("settings:view", "journal:view", "customer_refunds:view", "credit_memos:view"),
      validateAndTransformQuery(accounts.AdminGetAccountsParams, accountsConfig.listAccountsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/accounts",
    middlewares: [
      requirePermission("settings:manage"),
      validateBody(accounts.AdminCreateAccount),
      validateAndTransformQuery(SelectParams, accountsConfig.retrieveAccountQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/accounting/accounts/:id",
    middlewares: [
      requirePermission("settings:view", "journal:view", "customer_refunds:view", "credit_memos:view"),
      validateAndTransformQuery(SelectParams, accountsConfig.retrieveAccountQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/accounts/:id",
    middlewares: [
      requirePermission("settings:manage"),
      validateBody(accounts.AdminUpdateAccount),
      validateAndTransformQuery(SelectParams, accountsConfig.retrieveAccountQueryConfig),
    ],
  },
  // settings
  {
    method: ["GET"],
    matcher: "/admin/accounting/settings",
    middlewares: [requirePermission("settings:view")],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/settings",
    middlewares: [requirePermission("settings:manage"), validateBody(AdminUpdateAccountingSettings)],
  },
  // periods
  {
    method: ["GET"],
    matcher: "/admin/accounting/periods",
    middlewares: [
      requirePermission("settings:view"),
      validateAndTransformQuery(periods.AdminGetPeriodsParams, periodsConfig.listPeriodsQueryConfig),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/periods",
    middlewares: [
      requirePermission("periods:manage"),
      validateBody(periods.AdminCreatePeriod),
      validateAndTransformQuery(SelectParams, periodsConfig.retrievePeriodQueryConfig),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/accounting/periods/:id/checklist",
    middlewares: [requirePermission("settings:view")],
  },
  ...(["close", "reopen"] as const).map((action) => ({
    method: ["POST" as const],
    matcher: `/admin/accounting/periods/:id/${action}`,
    middlewares: [
      requirePermission("periods:manage"),
      validateBody(action === "close" ? periods.AdminClosePeriod : periods.AdminChangePeriodStatus),
      validateAndTransformQuery(SelectParams, periodsConfig.retrievePeriodQueryConfig),
    ],
  })),
  // journal entries
  {
    method: ["GET"],
    matcher: "/admin/accounting/journal-entries",
    middlewares: [
      requirePermission("journal:view"),
      validateAndTransformQuery(
        journal.AdminGetJournalEntriesParams,
        journalConfig.listJournalEntriesQueryConfig
      ),
      listFilters({ date: "entry_date", search: ["number", "memo"] }),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/journal-entries",
    middlewares: [
      requirePermission("journal:add"),
      validateBody(journal.AdminCreateJournalEntry),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/accounting/journal-entries/:id",
    middlewares: [
      requirePermission("journal:view"),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/journal-entries/:id",
    middlewares: [
      requirePermission("journal:add"),
      validateBody(journal.AdminUpdateJournalEntry),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/journal-entries/:id/post",
    middlewares: [
      requirePermission("journal:post"),
      validateBody(EmptyBody),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/journal-entries/:id/reverse",
    middlewares: [
      requirePermission("journal:reverse"),
      validateBody(journal.AdminReverseJournalEntry),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  // posting errors
  {
    method: ["GET"],
    matcher: "/admin/accounting/posting-errors",
    middlewares: [
      requirePermission("journal:view"),
      validateAndTransformQuery(
        postingErrors.AdminGetPostingErrorsParams,
        postingErrorsConfig.listPostingErrorsQueryConfig
      ),
    ],
  },
  {
    method: ["POST"],
    matcher: "/admin/accounting/posting-errors/:id/retry",
    middlewares: [
      requirePermission("journal:post"),
      validateBody(EmptyBody),
      validateAndTransformQuery(SelectParams, postingErrorsConfig.retrievePostingErrorQueryConfig),
    ],
  },
  {
    method: ["DELETE"],
    matcher: "/admin/accounting/journal-entries/:id",
    middlewares: [
      requirePermission("journal:add"),
      validateAndTransformQuery(
        journal.AdminGetJournalEntryParams,
        journalConfig.retrieveJournalEntryQueryConfig
      ),
    ],
  },
  {
    method: ["GET"],
    matcher: "/admin/accounting/journal-entries/verify",
    middlewares: [requirePermission("journal:view")],
  },
]
