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
# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
cleanup() {
  local rc=$?
  stop_app
  drop_db "$DB"
  # The server's log is kept only for a failed run.
  if [ "$rc" = 0 ]; then rm -f "$LOG"; else echo "e2e: server log kept in $LOG" >&2; fi
}
trap cleanup EXIT

bash scripts/ensure-postgres.sh
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's chromium for the browser tests..."
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null
fi
# The build (mostly the admin bundle) runs while the demo store is seeded: it
# reads only the sources, the seed only the database.
echo "building the app (server + admin) while the demo store is seeded..."
BUILD_LOG="$(mktemp /tmp/accounting-e2e-build-XXXX.log)"
npx medusa build >"$BUILD_LOG" 2>&1 &
BUILD_PID=$!
create_db "$DB"
npx medusa db:migrate >/dev/null
npx medusa exec ./dev/seed-demo.ts >/dev/null
npx medusa user -e admin@example.com -p supersecret >/dev/null
wait "$BUILD_PID" || { tail -30 "$BUILD_LOG"; exit 1; }
rm -f "$BUILD_LOG"
start_built_app . "$PORT" "$LOG" 120 || exit 1
E2E_BASE_URL="http://localhost:${PORT}" TEST_TYPE=e2e NODE_OPTIONS=--experimental-vm-modules npx jest --runInBand --forceExit --verbose "$@"
