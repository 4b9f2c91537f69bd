/**
 * The admin routes this plugin serves (Medusa matcher syntax). Our error
 * codes and the money wire format apply to these only; add a new route
 * family here once.
 */
export const OUR_ROUTE_MATCHERS = [
  "/admin/accounting*",
  "/admin/bank-deposits*",
  "/admin/credit-memos*",
  "/admin/customer-deposits*",
  "/admin/customer-refunds*",
  "/admin/payouts*",
  "/admin/received-payments*",
  "/admin/write-offs*",
  "/admin/customers/:id/applications*",
  "/admin/customers/:id/accounting",
  "/admin/customers/:id/available-credits",
  "/admin/customers/:id/open-orders",
  "/admin/customers/:id/statement",
  "/admin/orders/:id/accounting",
  "/admin/orders/:id/goodwill-refunds",
]

/** True for a request path (with or without a query string) of ours. */
export function isOurRoute(path: string): boolean {
  const bare = path.split("?")[0]
  return OUR_ROUTE_MATCHERS.some((m) => {
    const base = m.replace(/\*$/, "").replace(/:[a-z_]+/g, "[^/]+")
    return new RegExp(`^${base}${m.endsWith("*") ? "(/.*)?" : ""}$`).test(bare)
  })
}
