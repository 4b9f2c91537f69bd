import { defineMiddlewares, validateAndTransformQuery } from "@medusajs/framework/http"
import * as accounts from "./admin/accounting/accounts/validators"
import * as accountsConfig from "./admin/accounting/accounts/query-config"
import * as journal from "./admin/accounting/journal-entries/validators"
import * as journalConfig from "./admin/accounting/journal-entries/query-config"
import * as periods from "./admin/accounting/periods/validators"
import * as periodsConfig from "./admin/accounting/periods/query-config"
import * as postingErrors from "./admin/accounting/posting-errors/validators"
import * as postingErrorsConfig from "./admin/accounting/posting-errors/query-config"
import { AdminUpdateAccountingSettings } from "./admin/accounting/settings/validators"
import { accountingErrorHandler } from "./utils/error-handler"
import { validateBody } from "./utils/validate"

export default defineMiddlewares({
  errorHandler: accountingErrorHandler(),
  routes: [
    // accounts
    {
      method: ["GET"],
      matcher: "/admin/accounting/accounts",
      middlewares: [validateAndTransformQuery(accounts.AdminGetAccountsParams, accountsConfig.listAccountsQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/accounts",
      middlewares: [
        validateBody(accounts.AdminCreateAccount),
        validateAndTransformQuery(accounts.AdminGetAccountParams, accountsConfig.retrieveAccountQueryConfig),
      ],
    },
    {
      method: ["GET"],
      matcher: "/admin/accounting/accounts/:id",
      middlewares: [validateAndTransformQuery(accounts.AdminGetAccountParams, accountsConfig.retrieveAccountQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/accounts/:id",
      middlewares: [
        validateBody(accounts.AdminUpdateAccount),
        validateAndTransformQuery(accounts.AdminGetAccountParams, accountsConfig.retrieveAccountQueryConfig),
      ],
    },
    // settings
    {
      method: ["POST"],
      matcher: "/admin/accounting/settings",
      middlewares: [validateBody(AdminUpdateAccountingSettings)],
    },
    // periods
    {
      method: ["GET"],
      matcher: "/admin/accounting/periods",
      middlewares: [validateAndTransformQuery(periods.AdminGetPeriodsParams, periodsConfig.listPeriodsQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/periods",
      middlewares: [
        validateBody(periods.AdminCreatePeriod),
        validateAndTransformQuery(accounts.AdminGetAccountParams, periodsConfig.retrievePeriodQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/periods/:id/*",
      middlewares: [
        validateBody(periods.AdminPeriodAction),
        validateAndTransformQuery(accounts.AdminGetAccountParams, periodsConfig.retrievePeriodQueryConfig),
      ],
    },
    // journal entries
    {
      method: ["GET"],
      matcher: "/admin/accounting/journal-entries",
      middlewares: [validateAndTransformQuery(journal.AdminGetJournalEntriesParams, journalConfig.listJournalEntriesQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/journal-entries",
      middlewares: [
        validateBody(journal.AdminCreateJournalEntry),
        validateAndTransformQuery(journal.AdminGetJournalEntryParams, journalConfig.retrieveJournalEntryQueryConfig),
      ],
    },
    {
      method: ["GET", "DELETE"],
      matcher: "/admin/accounting/journal-entries/:id",
      middlewares: [validateAndTransformQuery(journal.AdminGetJournalEntryParams, journalConfig.retrieveJournalEntryQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/journal-entries/:id",
      middlewares: [
        validateBody(journal.AdminUpdateJournalEntry),
        validateAndTransformQuery(journal.AdminGetJournalEntryParams, journalConfig.retrieveJournalEntryQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/journal-entries/:id/post",
      middlewares: [
        validateBody(journal.AdminPostJournalEntry),
        validateAndTransformQuery(journal.AdminGetJournalEntryParams, journalConfig.retrieveJournalEntryQueryConfig),
      ],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/journal-entries/:id/reverse",
      middlewares: [
        validateBody(journal.AdminReverseJournalEntry),
        validateAndTransformQuery(journal.AdminGetJournalEntryParams, journalConfig.retrieveJournalEntryQueryConfig),
      ],
    },
    // posting errors
    {
      method: ["GET"],
      matcher: "/admin/accounting/posting-errors",
      middlewares: [validateAndTransformQuery(postingErrors.AdminGetPostingErrorsParams, postingErrorsConfig.listPostingErrorsQueryConfig)],
    },
    {
      method: ["POST"],
      matcher: "/admin/accounting/posting-errors/:id/retry",
      middlewares: [
        validateBody(postingErrors.AdminRetryPostingError),
        validateAndTransformQuery(accounts.AdminGetAccountParams, postingErrorsConfig.retrievePostingErrorQueryConfig),
      ],
    },
  ],
})
