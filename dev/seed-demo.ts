import type { ExecArgs } from "@medusajs/framework/types"
import { seedDemo } from "./demo/seed"

/** `npm run seed` (part of `npm run dev`): the demo store, once. */
export default async function seedDemoStore({ container }: ExecArgs) {
  await seedDemo(container)
}
