import { ChildProcess, execFileSync, spawn } from "child_process"
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from "fs"
import path from "path"
import { request, sleep } from "./http"

/**
 * Starts and stops `medusa start` instances of the built app for the cluster
 * test and benchmark. Each runs in its own process group (so a kill reaches
 * npx-less node and everything it forked) and leaves its pid in
 * <work>/pids/<name>.pid, which scripts/cluster/lib.sh kills on exit
 * whatever happens to this process.
 */

export type Mode = "server" | "worker"

export type Instance = {
  name: string
  mode: Mode
  port: number
  redisUrl: string
  url: string
  log: string
  /** The built app it runs, when not the cluster's (the bench's no-op control worker). */
  serverDir?: string
  child?: ChildProcess
  exited?: Promise<number | null>
}

export type ClusterEnv = {
  /** The built app: <app>/.medusa/server. */
  serverDir: string
  /** Where logs and pid files go. */
  workDir: string
  /** Environment shared by every instance (DATABASE_URL, ...). */
  env: Record<string, string>
}

export class Cluster {
  readonly instances = new Map<string, Instance>()

  constructor(readonly config: ClusterEnv) {
    mkdirSync(path.join(config.workDir, "pids"), { recursive: true })
    mkdirSync(path.join(config.workDir, "logs"), { recursive: true })
  }

  define(name: string, mode: Mode, port: number, redisUrl: string, serverDir?: string): Instance {
    const instance: Instance = {
      name,
      mode,
      port,
      redisUrl,
      serverDir,
      url: `http://localhost:${port}`,
      log: path.join(this.config.workDir, "logs", `${name}.log`),
    }
    this.instances.set(name, instance)
    return instance
  }

  /** The cluster of the test and the benchmark: server-1/2 on base + 1/2, worker-1/2 on base + 11/12. */
  defineServersAndWorkers(base: number, redisUrl: string) {
    const servers = [
      this.define("server-1", "server", base + 1, redisUrl),
      this.define("server-2", "server", base + 2, redisUrl),
    ]
    const workers = [
      this.define("worker-1", "worker", base + 11, redisUrl),
      this.define("worker-2", "worker", base + 12, redisUrl),
    ]
    return { servers, workers }
  }

  /** Spawns the instance (appending to its log); does not wait for it. */
  spawn(instance: Instance, extraEnv: Record<string, string> = {}) {
    const fd = openSync(instance.log, "a")
    writeFileSync(fd, `\n==== start ${new Date().toISOString()} (${instance.mode}, port ${instance.port})\n`)
    const serverDir = instance.serverDir ?? this.config.serverDir
    const medusa = path.join(serverDir, "node_modules", ".bin", "medusa")
    // e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" (not allowed in NODE_OPTIONS): profiles of the workers.
    const nodeArgs =
      instance.mode === "worker"
        ? (process.env.CLUSTER_WORKER_NODE_ARGS ?? "").split(" ").filter(Boolean)
        : []
    const [command, args] = nodeArgs.length
      ? [process.execPath, [...nodeArgs, medusa, "start"]]
      : [medusa, ["start"]]
    const child = spawn(command, args, {
      cwd: serverDir,
      detached: true, // own process group: kill(-pid) stops it and its children
      stdio: ["ignore", fd, fd],
      env: {
        ...process.env,
        ...this.config.env,
        NODE_ENV: "production",
        PORT: String(instance.port),
        MEDUSA_WORKER_MODE: instance.mode,
        REDIS_URL: instance.redisUrl,
        // Its database sessions carry its name (pg_stat_activity.application_name).
        PGAPPNAME: instance.name,
        ...extraEnv,
      },
    })
    closeSync(fd)
    instance.child = child
    instance.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)))
    writeFileSync(this.pidFile(instance), String(child.pid))
    return instance
  }

  async start(instance: Instance, timeoutMs = 180_000) {
    this.spawn(instance)
    await this.waitHealthy(instance, timeoutMs)
    return instance
  }

  async waitHealthy(instance: Instance, timeoutMs = 180_000) {
    const deadline = Date.now() + timeoutMs
    let exitCode: number | null | undefined
    instance.exited?.then((code) => (exitCode = code))
    while (Date.now() < deadline) {
      if (exitCode !== undefined) {
        throw new Error(`${instance.name} exited (${exitCode}) while starting:\n${this.tail(instance, 30)}`)
      }
      try {
        const res = await request(instance.url, "GET", "/health", { timeoutMs: 2_000 })
        if (res.status === 200) {
          return
        }
      } catch {
        // not listening yet
      }
      await sleep(500)
    }
    throw new Error(`${instance.name} not healthy after ${timeoutMs} ms:\n${this.tail(instance, 30)}`)
  }

  /** Signals the whole process group; resolves when the process has exited. */
  async kill(instance: Instance, signal: NodeJS.Signals = "SIGTERM", timeoutMs = 20_000) {
    const pid = instance.child?.pid
    if (!pid || instance.child!.exitCode !== null || instance.child!.signalCode !== null) {
      return
    }
    try {
      process.kill(-pid, signal)
    } catch {
      return
    }
    const done = await Promise.race([instance.exited!.then(() => true), sleep(timeoutMs).then(() => false)])
    if (!done) {
      try {
        process.kill(-pid, "SIGKILL")
      } catch {
        // already gone
      }
      await instance.exited
    }
    try {
      unlinkSync(this.pidFile(instance))
    } catch {
      // already removed
    }
  }

  async stopAll() {
    await Promise.all([...this.instances.values()].map((i) => this.kill(i, "SIGTERM")))
  }

  tail(instance: Instance, lines: number): string {
    try {
      return readFileSync(instance.log, "utf8").split("\n").slice(-lines).join("\n")
    } catch {
      return "(no log)"
    }
  }

  /** The JSON log lines of an instance (Medusa logs JSON under NODE_ENV=production). */
  logRecords(instance: Instance): any[] {
    return readFileSync(instance.log, "utf8")
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => {
        try {
          return JSON.parse(l)
        } catch {
          return null
        }
      })
      .filter(Boolean)
  }

  private pidFile(instance: Instance) {
    return path.join(this.config.workDir, "pids", `${instance.name}.pid`)
  }
}

/** A redis-server of our own (its data in <dir>, AOF on so a restart keeps the queues). */
export class OwnRedis {
  constructor(
    readonly port: number,
    readonly dir: string
  ) {
    mkdirSync(dir, { recursive: true })
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`
  }

  start() {
    execFileSync("redis-server", [
      "--daemonize",
      "yes",
      "--bind",
      "127.0.0.1",
      "--port",
      String(this.port),
      "--save",
      "",
      "--appendonly",
      "yes",
      "--appendfsync",
      "always",
      "--dir",
      this.dir,
      "--pidfile",
      path.join(this.dir, "redis.pid"),
      "--logfile",
      path.join(this.dir, "redis.log"),
    ])
  }

  async waitUp(timeoutMs = 10_000) {
    const deadline = Date.now() + timeoutMs
    while (Date.now() < deadline) {
      if (this.ping()) {
        return
      }
      await sleep(100)
    }
    throw new Error(`redis-server on ${this.port} did not answer`)
  }

  ping(): boolean {
    try {
      return execFileSync("redis-cli", ["-p", String(this.port), "ping"], {
        timeout: 2_000,
        stdio: ["ignore", "pipe", "ignore"],
      })
        .toString()
        .includes("PONG")
    } catch {
      return false
    }
  }

  /** SHUTDOWN (AOF fsynced): clients see the connection refused until start(). */
  async stop() {
    try {
      execFileSync("redis-cli", ["-p", String(this.port), "shutdown"], { timeout: 5_000, stdio: "ignore" })
    } catch {
      // redis-cli reports the closed connection as an error
    }
    const deadline = Date.now() + 10_000
    while (this.ping() && Date.now() < deadline) {
      await sleep(100)
    }
  }
}
