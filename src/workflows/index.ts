export * from "./journal"
export * from "./setup"
export { AccountingEvents } from "../modules/accounting/events"
