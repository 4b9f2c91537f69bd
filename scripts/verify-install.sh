#!/usr/bin/env bash
# Proves the plugin installs into a separate, fresh Medusa 2.21.1 store:
# npm pack -> new app -> npm install of the tarball -> plugins: [...] ->
# db:migrate (our tables) -> medusa build -> medusa start -> our admin API
# answers with the seeded chart, and the admin bundle has our pages.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/accounting-verify-XXXXXX)"
DB="accounting_verify_$$"
PORT="${VERIFY_PORT:-9191}"
export MEDUSA_DISABLE_TELEMETRY=true
export DATABASE_URL="postgres://postgres@localhost:5432/${DB}"
# shellcheck source=scripts/lib/common.sh
source "$ROOT/scripts/lib/common.sh"
cleanup() {
  stop_app
  drop_db "$DB"
  [ -z "${KEEP:-}" ] && rm -rf "$WORK"
}
trap cleanup EXIT

bash "$ROOT/scripts/ensure-postgres.sh"
step "packing the plugin"
(cd "$ROOT" && npm pack --silent --pack-destination "$WORK" >/dev/null)
TARBALL="$(ls "$WORK"/*.tgz)"
echo "    $(basename "$TARBALL") ($(du -k "$TARBALL" | cut -f1) kB)"

step "creating a fresh Medusa 2.21.1 store in $WORK/store"
mkdir -p "$WORK/store/src"
cd "$WORK/store"
V=2.21.1
cat > package.json <<JSON
{
  "name": "verify-store",
  "private": true,
  "scripts": { "build": "medusa build", "start": "medusa start" },
  "dependencies": {
    "@medusajs/admin-sdk": "$V", "@medusajs/cli": "$V", "@medusajs/framework": "$V",
    "@medusajs/medusa": "$V", "@medusajs/js-sdk": "$V", "@medusajs/icons": "$V",
    "@medusajs/ui": "4.2.5", "@medusajs/loyalty-plugin": "$V",
    "@tanstack/react-query": "5.64.2", "react": "^18.3.1", "react-dom": "^18.3.1",
    "react-router-dom": "^6.30.4",
    "medusa-accounting-ar": "file:$TARBALL"
  },
  "devDependencies": { "@swc/core": "^1.7.28", "typescript": "^5.7.3", "@types/node": "^20.0.0", "ts-node": "^10.9.2" }
}
JSON
cat > tsconfig.json <<'JSON'
{ "compilerOptions": { "target": "ES2021", "module": "Node16", "moduleResolution": "Node16", "esModuleInterop": true,
  "experimentalDecorators": true, "skipLibCheck": true, "outDir": "./.medusa/server", "jsx": "react-jsx" },
  "include": ["**/*"], "exclude": ["node_modules", ".medusa"] }
JSON
cat > medusa-config.ts <<'TS'
import { defineConfig } from "@medusajs/framework/utils"
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: { jwtSecret: "verify", cookieSecret: "verify", storeCors: "*", adminCors: "*", authCors: "*" },
  },
  plugins: [
    { resolve: "@medusajs/loyalty-plugin", options: {} },
    { resolve: "medusa-accounting-ar", options: {} },
  ],
})
TS
step "npm install (the store's own framework; ours comes from the tarball)"
npm install --no-audit --no-fund --loglevel=error >/dev/null
COPIES=$(find node_modules -path "*/@medusajs/framework/package.json" | wc -l)
echo "    copies of @medusajs/framework in node_modules: $COPIES"
[ "$COPIES" = 1 ] || { echo "the plugin brought its own framework" >&2; exit 1; }

step "db:migrate"
create_db "$DB"
npx medusa db:migrate >/dev/null
TABLES=$(psql -h localhost -U postgres -d "$DB" -Atc "select count(*) from information_schema.tables where table_name like 'accounting_%'")
ACCOUNTS=$(psql -h localhost -U postgres -d "$DB" -Atc "select count(*) from accounting_account")
echo "    accounting tables: $TABLES, default chart: $ACCOUNTS accounts"

step "medusa build (server + admin)"
npx medusa build >/dev/null
# Text only the plugin's admin pages contain.
grep -rlq "Refund credits" .medusa/server/public/admin/assets \
  || { echo "the admin bundle lacks the plugin's pages" >&2; exit 1; }
echo "    admin bundle contains the plugin's pages and widgets"

step "medusa start on port $PORT"
start_built_app . "$PORT" "$WORK/server.log" 90 || exit 1
npx medusa user -e verify@example.com -p verify-pass >/dev/null 2>&1
TOKEN=$(curl -sf -X POST "http://localhost:$PORT/auth/user/emailpass" -H 'content-type: application/json' \
  -d '{"email":"verify@example.com","password":"verify-pass"}' | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')
UNAUTH=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/admin/accounting/accounts")
COUNT=$(curl -sf "http://localhost:$PORT/admin/accounting/accounts?limit=100" -H "authorization: Bearer $TOKEN" | node -pe 'JSON.parse(require("fs").readFileSync(0)).count')
VERIFY=$(curl -sf "http://localhost:$PORT/admin/accounting/journal-entries/verify" -H "authorization: Bearer $TOKEN")
ADMIN=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/app")
echo "    GET /admin/accounting/accounts without a token: $UNAUTH"
echo "    GET /admin/accounting/accounts: $COUNT accounts"
echo "    GET /admin/accounting/journal-entries/verify: $VERIFY"
echo "    GET /app (admin): $ADMIN"
[ "$UNAUTH" = 401 ] && [ "$COUNT" = 13 ] && [ "$ADMIN" = 200 ]
echo "verify-install: OK"
