/** Prints what the cluster test checked, and remembers failures for the exit code. */

export type Check = { name: string; ok: boolean; detail: string }

export class Report {
  readonly checks: Check[] = []
  private readonly started = Date.now()

  log(message: string) {
    const s = ((Date.now() - this.started) / 1000).toFixed(1).padStart(6)
    console.log(`[${s}s] ${message}`)
  }

  check(name: string, ok: boolean, detail: string) {
    this.checks.push({ name, ok, detail })
    this.log(`${ok ? "ok  " : "FAIL"} ${name}: ${detail}`)
    return ok
  }

  get failed() {
    return this.checks.filter((c) => !c.ok)
  }

  summary(title: string) {
    const lines = [
      "",
      `==== ${title}: ${this.checks.length - this.failed.length}/${this.checks.length} checks passed in ${(
        (Date.now() - this.started) /
        1000
      ).toFixed(0)} s`,
      ...this.checks.map((c) => `${c.ok ? "  ok  " : "  FAIL"} ${c.name}: ${c.detail}`),
    ]
    console.log(lines.join("\n"))
  }
}
