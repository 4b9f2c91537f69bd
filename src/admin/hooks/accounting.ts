import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { toast } from "@medusajs/ui"
import { accounting } from "../lib/sdk"
import { errorMessage } from "../lib/format"

/** Everything of the plugin lives under one query key: a change refreshes all of it. */
const KEY = "accounting"

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

export const useCreditMemos = (query: Record<string, any>) =>
  useQuery({ queryKey: [KEY, "credit-memos", query], queryFn: () => accounting.creditMemos.list(query) })

export const useRefunds = (query: Record<string, any>) =>
  useQuery({ queryKey: [KEY, "refunds", query], queryFn: () => accounting.refunds.list(query) })

export const useJournal = (query: Record<string, any>) =>
  useQuery({ queryKey: [KEY, "journal", query], queryFn: () => accounting.journal.list(query) })

export const useJournalEntry = (id: string | null) =>
  useQuery({
    queryKey: [KEY, "journal-entry", id],
    queryFn: () => accounting.journal.retrieve(id!),
    enabled: !!id,
  })

export const usePeriods = () =>
  useQuery({ queryKey: [KEY, "periods"], queryFn: () => accounting.periods.list() })
export const useAccounts = () =>
  useQuery({ queryKey: [KEY, "accounts"], queryFn: () => accounting.accounts.list() })
export const useSettings = () =>
  useQuery({ queryKey: [KEY, "settings"], queryFn: () => accounting.settings.retrieve() })
export const usePostingErrors = () =>
  useQuery({
    queryKey: [KEY, "posting-errors"],
    queryFn: () => accounting.postingErrors.list({ status: "pending" }),
  })

export const useReport = (
  name: Parameters<typeof accounting.reports.get>[0],
  query: Record<string, any>,
  enabled = true
) =>
  useQuery({
    queryKey: [KEY, "report", name, query],
    queryFn: () => accounting.reports.get(name, query),
    enabled,
  })

/**
 * A mutation that refreshes the plugin's data and tells the user what
 * happened: the success text, or the API's own message on a refusal.
 */
export function useAccountingMutation<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  success?: string | ((result: TResult) => string)
) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: fn,
    onSuccess: (result) => {
      client.invalidateQueries({ queryKey: [KEY] })
      // Medusa's own order and customer views show refunds and balances too.
      client.invalidateQueries({ queryKey: ["orders"] })
      if (success) {
        toast.success(typeof success === "function" ? success(result) : success)
      }
    },
    onError: (error) => toast.error(errorMessage(error)),
  })
}
