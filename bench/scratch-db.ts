import path from "path"
import { MikroORM } from "@medusajs/framework/mikro-orm/postgresql"
import { getMikroOrmConfig } from "@medusajs/test-utils/dist/database"

/** The PostgreSQL server of the benchmarks (DB_USERNAME at DB_HOST), without a database. */
const serverUrl = () =>
  `postgres://${process.env.DB_USERNAME ?? "postgres"}@${process.env.DB_HOST ?? "localhost"}:5432`

/** A fresh database with the accounting schema (our migrations only), for benchmarks. */
export async function scratchDatabase(name: string) {
  const clientUrl = serverUrl()
  const { Client } = require("pg")
  const admin = new Client({ connectionString: `${clientUrl}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists "${name}"`)
  await admin.query(`create database "${name}"`)
  await admin.end()
  // The module's own migrations (triggers and seed chart included), as a store would run them.
  const orm = await MikroORM.init({
    ...getMikroOrmConfig({
      mikroOrmEntities: [],
      pathToMigrations: path.join(__dirname, "../src/modules/accounting/migrations"),
      clientUrl: `${clientUrl}/${name}`,
      schema: "public",
    }),
    discovery: { warnWhenNoEntities: false },
  } as any)
  try {
    await orm.getMigrator().up()
  } finally {
    await orm.close()
  }
  return `${clientUrl}/${name}`
}

export async function dropDatabase(name: string) {
  const { Client } = require("pg")
  const admin = new Client({ connectionString: `${serverUrl()}/postgres` })
  await admin.connect()
  await admin.query(`drop database if exists "${name}"`)
  await admin.end()
}
