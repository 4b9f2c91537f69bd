export * from "./steps/post-bank-deposit"
export * from "./workflows/post-bank-deposit"
