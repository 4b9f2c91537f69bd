export * from "./journal"
export * from "./setup"
export * from "./order-accounting"
export { AccountingEvents } from "../modules/accounting/events"
