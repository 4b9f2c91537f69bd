// Moved to the module (issue 20 part 2): payments and write-offs read it too.
export * from "../../../../../modules/accounting/ar/open-orders"
