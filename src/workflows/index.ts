// The package entry `medusa-accounting-ar/workflows`: every workflow with its
// steps, input types and hooks, and the events with their payload types.
export * from "./journal"
export * from "./setup"
export * from "./access"
export * from "./approvals"
export * from "./order-accounting"
export * from "./credit-memos"
export * from "./customer-refunds"
export { AccountingEvents } from "../modules/accounting/events"
export type { AccountingEventName, AccountingEventPayloads } from "../modules/accounting/events"
export type { AccountingModuleOptions } from "../modules/accounting/options"
