export * from "./steps/apply-customer-credit"
export * from "./steps/unapply-customer-credit"
export * from "./workflows/apply-customer-credit"
export * from "./workflows/unapply-customer-credit"
