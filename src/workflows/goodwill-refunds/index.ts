export * from "./steps/plan-goodwill-refund"
export * from "./steps/void-goodwill-memo-on-failure"
export * from "./workflows/goodwill-refund"
