#!/usr/bin/env bash
# npm run test:e2e: the built admin in Debian's Chromium, against a fresh demo store.
set -euo pipefail
cd "$(dirname "$0")/.."
export MEDUSA_DISABLE_TELEMETRY=true
PORT="${E2E_PORT:-9300}"
DB="accounting_e2e_$$"
export DATABASE_URL="postgres://postgres@localhost:5432/${DB}"
export MEDUSA_BACKEND_URL="http://localhost:${PORT}"
export ADMIN_COOKIE_INSECURE=true
export ADMIN_CORS="http://localhost:${PORT}" AUTH_CORS="http://localhost:${PORT}" STORE_CORS="http://localhost:${PORT}"
LOG="$(mktemp /tmp/accounting-e2e-XXXX.log)"
SERVER_PID=""
cleanup() {
  # The server runs in its own process group: stop npx and node with it.
  [ -n "$SERVER_PID" ] && kill -- -"$SERVER_PID" 2>/dev/null || true
  psql -h localhost -U postgres -d postgres -qc "drop database if exists \"${DB}\"" >/dev/null 2>&1 || true
}
trap cleanup EXIT

bash scripts/ensure-postgres.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
psql -h localhost -U postgres -d postgres -qc "create database \"${DB}\""
npx medusa db:migrate >/dev/null
npx medusa exec ./src/scripts/seed-demo.ts >/dev/null
npx medusa user -e admin@example.com -p supersecret >/dev/null
echo "building the app (server + admin)..."
npx medusa build >/dev/null
ln -sfn ../../node_modules .medusa/server/node_modules
setsid bash -c "cd .medusa/server && PORT=$PORT exec npx medusa start" >"$LOG" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://localhost:${PORT}/health" >/dev/null && break; sleep 1; done
curl -sf "http://localhost:${PORT}/health" >/dev/null || { tail -50 "$LOG"; exit 1; }
E2E_BASE_URL="http://localhost:${PORT}" TEST_TYPE=e2e NODE_OPTIONS=--experimental-vm-modules npx jest --runInBand --forceExit "$@"
