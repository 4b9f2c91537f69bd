export * from "./steps/load-provider-payments"
export * from "./steps/post-payouts"
export * from "./steps/validate-payout-providers"
export * from "./workflows/post-payouts"
