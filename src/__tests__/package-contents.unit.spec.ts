import { execFileSync } from "child_process"
import path from "path"

const ROOT = path.join(__dirname, "../..")
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: ROOT, encoding: "utf8" })

/**
 * The shipped package holds the plugin only: `medusa plugin:build` compiles
 * what tsconfig.json includes into .medusa/server, and package.json `files`
 * ships that folder. Neither may take the demo store, tests or tooling.
 */
describe("the npm package", () => {
  const NOT_SHIPPED = /^(dev|integration-tests|bench|scripts|docs)\/|\/__tests__\//

  it("compiles the plugin's sources only (no demo store, seed, tests or tooling)", () => {
    const compiled = run("npx", ["tsc", "-p", "tsconfig.json", "--listFilesOnly"])
      .split("\n")
      .filter((f) => f.startsWith(ROOT) && !f.includes("/node_modules/"))
      .map((f) => path.relative(ROOT, f))
    expect(compiled).toEqual(expect.arrayContaining(["src/modules/accounting/index.ts", "medusa-config.ts"]))
    expect(compiled.filter((f) => NOT_SHIPPED.test(f) || /demo|seed/.test(f))).toEqual([])
  })

  it("packs the build output, package.json and README only", () => {
    const [{ files }] = JSON.parse(run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"]))
    const outside = files
      .map((f: { path: string }) => f.path)
      .filter((p: string) => !p.startsWith(".medusa/server/") && !["package.json", "README.md"].includes(p))
    expect(outside).toEqual([])
    expect(files.filter((f: { path: string }) => NOT_SHIPPED.test(f.path.replace(".medusa/server/", "")))).toEqual([])
  })
})
