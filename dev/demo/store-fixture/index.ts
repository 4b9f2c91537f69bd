/** The demo store and the orders tests place in it, split by what each part does. */
export * from "./common"
export * from "./setup"
export * from "./customers"
export * from "./checkout"
export * from "./payments"
export * from "./reading"
