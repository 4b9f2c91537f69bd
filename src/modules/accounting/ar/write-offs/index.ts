export * from "./bulk"
export * from "./create"
export * from "./types"
export * from "./void"
