export * from "./steps/approve-document"
export * from "./steps/reject-document"
export * from "./workflows/approve-document"
export * from "./workflows/reject-document"
