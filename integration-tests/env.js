// Defaults for the local PostgreSQL of the development machine and CI.
// "localhost" matters: with 127.0.0.1 @medusajs/test-utils switches to SSL and hangs.
process.env.DB_HOST ??= "localhost"
process.env.DB_USERNAME ??= "postgres"
process.env.DB_PASSWORD ??= ""
process.env.MEDUSA_DISABLE_TELEMETRY ??= "true"
process.env.LOG_LEVEL ??= "error"
