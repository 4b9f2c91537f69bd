import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useMemo } from "react"
import { accounting } from "../lib/sdk"
import { describeError } from "../lib/errors"

/** Everything of the plugin lives under one query key: a change refreshes all of it. */
const KEY = "accounting"

type Query = Record<string, string | number | boolean | undefined | null>

export const usePermissions = () => {
  const query = useQuery({
    queryKey: [KEY, "permissions"],
    queryFn: () => accounting.permissions(),
    staleTime: 60_000,
  })
  const can = (permission: string) => !query.data || query.data.permissions.includes(permission)
  return { ...query, can }
}

export const useOrderAccounting = (orderId: string) =>
  useQuery({ queryKey: [KEY, "order", orderId], queryFn: () => accounting.orderAccounting(orderId) })

export const useCustomerAccounting = (customerId: string | undefined) =>
  useQuery({
    queryKey: [KEY, "customer", customerId],
    queryFn: () => accounting.customerAccounting(customerId!),
    enabled: !!customerId,
  })

export const useAvailableCredits = (customerId: string | undefined, currency?: string) =>
  useQuery({
    queryKey: [KEY, "credits", customerId, currency],
    queryFn: () => accounting.availableCredits(customerId!, currency),
    enabled: !!customerId,
  })

export const useOpenOrders = (customerId: string | undefined, currency?: string) =>
  useQuery({
    queryKey: [KEY, "open-orders", customerId, currency],
    queryFn: () => accounting.openOrders(customerId!, currency),
    enabled: !!customerId,
  })

// Lists keep the previous page on screen while the next one loads (no flicker).
export const useCreditMemos = (query: Query, enabled = true) =>
  useQuery({
    queryKey: [KEY, "credit-memos", query],
    queryFn: () => accounting.creditMemos.list(query),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useCreditMemo = (id: string | null) =>
  useQuery({
    queryKey: [KEY, "credit-memo", id],
    queryFn: () => accounting.creditMemos.retrieve(id!),
    enabled: !!id,
  })

export const useRefunds = (query: Query) =>
  useQuery({
    queryKey: [KEY, "refunds", query],
    queryFn: () => accounting.refunds.list(query),
    placeholderData: keepPreviousData,
  })

export const usePayments = (query: Query) =>
  useQuery({
    queryKey: [KEY, "payments", query],
    queryFn: () => accounting.payments.list(query),
    placeholderData: keepPreviousData,
  })

export const useWriteOffs = (query: Query) =>
  useQuery({
    queryKey: [KEY, "write-offs", query],
    queryFn: () => accounting.writeOffs.list(query),
    placeholderData: keepPreviousData,
  })

export const useDeposits = (query: Query, enabled = true) =>
  useQuery({
    queryKey: [KEY, "deposits", query],
    queryFn: () => accounting.deposits.list(query),
    placeholderData: keepPreviousData,
    enabled,
  })

export const useCustomerOpenItems = (customerId: string | undefined) =>
  useQuery({
    queryKey: [KEY, "open-items", customerId],
    queryFn: () => accounting.customerCredits.openItems(customerId!),
    enabled: !!customerId,
  })

export const useJournal = (query: Query) =>
  useQuery({
    queryKey: [KEY, "journal", query],
    queryFn: () => accounting.journal.list(query),
    placeholderData: keepPreviousData,
  })

export const useJournalEntry = (id: string | null) =>
  useQuery({
    queryKey: [KEY, "journal-entry", id],
    queryFn: () => accounting.journal.retrieve(id!),
    enabled: !!id,
  })

export const usePeriods = () =>
  useQuery({ queryKey: [KEY, "periods"], queryFn: () => accounting.periods.list() })
export const useAccounts = () =>
  useQuery({ queryKey: [KEY, "accounts"], queryFn: () => accounting.accounts.list(), staleTime: 60_000 })
/** Reason codes change rarely; the forms read them often. */
export const useReasonCodes = () =>
  useQuery({ queryKey: [KEY, "reason-codes"], queryFn: () => accounting.reasonCodes(), staleTime: 60_000 })
export const useSettings = () =>
  useQuery({ queryKey: [KEY, "settings"], queryFn: () => accounting.settings.retrieve() })
export const usePostingErrors = (query: Query) =>
  useQuery({
    queryKey: [KEY, "posting-errors", query],
    queryFn: () => accounting.postingErrors.list(query),
    placeholderData: keepPreviousData,
  })

export const usePayouts = (query: Query) =>
  useQuery({
    queryKey: [KEY, "payouts", query],
    queryFn: () => accounting.payouts.list(query),
    placeholderData: keepPreviousData,
  })

export const usePayout = (id: string | null) =>
  useQuery({ queryKey: [KEY, "payout", id], queryFn: () => accounting.payouts.retrieve(id!), enabled: !!id })

export const useUnmatchedPayouts = (query: { provider_id?: string } = {}) =>
  useQuery({
    queryKey: [KEY, "payouts-unmatched", query],
    queryFn: () => accounting.payouts.unmatched(query),
  })

export const useBankDeposits = (query: Query) =>
  useQuery({
    queryKey: [KEY, "bank-deposits", query],
    queryFn: () => accounting.bankDeposits.list(query),
    placeholderData: keepPreviousData,
  })

export const useUndepositedReceipts = (currency: string | undefined, enabled = true) =>
  useQuery({
    queryKey: [KEY, "undeposited", currency],
    queryFn: () => accounting.bankDeposits.undeposited({ currency_code: currency }),
    enabled,
  })

export const useReport = (
  name: Parameters<typeof accounting.reports.get>[0],
  query: Query,
  enabled = true
) =>
  useQuery({
    queryKey: [KEY, "report", name, query],
    queryFn: () => accounting.reports.get(name, query),
    enabled,
    placeholderData: keepPreviousData,
  })

/**
 * A mutation that refreshes the plugin's data (and Medusa's order views).
 * Its refusal is `failure`: the API's message in plain words, with the
 * fields it names (and those `codeFields` maps from a refusal's code), for
 * the form or drawer to show where it happened, never in a toast over the
 * buttons.
 */
export function useAccountingMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  { codeFields }: { codeFields?: Record<string, string> } = {}
) {
  const client = useQueryClient()
  const mutation = useMutation({
    mutationFn: fn,
    onSuccess: () => {
      client.invalidateQueries({ queryKey: [KEY] })
      // Medusa's own order and customer views show refunds and balances too.
      client.invalidateQueries({ queryKey: ["orders"] })
    },
  })
  const failure = useMemo(
    () => (mutation.error ? describeError(mutation.error, codeFields) : null),
    [mutation.error, codeFields]
  )
  return { ...mutation, failure }
}
