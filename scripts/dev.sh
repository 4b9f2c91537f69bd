#!/usr/bin/env bash
# npm run dev: database, migrations, demo store, admin user, then `medusa develop`.
set -euo pipefail
cd "$(dirname "$0")/.."
export MEDUSA_DISABLE_TELEMETRY=true
DB_NAME="${DB_NAME:-medusa_accounting_dev}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@localhost:5432/${DB_NAME}}"
ADMIN_EMAIL="${ADMIN_EMAIL:-admin@example.com}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-supersecret}"

# shellcheck source=scripts/lib/common.sh
source scripts/lib/common.sh
PG_ADMIN_URL="${DATABASE_URL%/*}/postgres"

bash scripts/ensure-postgres.sh
if ! pg_admin_sql "select 1 from pg_database where datname = '${DB_NAME}'" | grep -q 1; then
  echo "Creating database ${DB_NAME}"
  create_db "$DB_NAME"
fi
npx medusa db:migrate
npx medusa exec ./dev/seed-demo.ts
npx medusa user -e "$ADMIN_EMAIL" -p "$ADMIN_PASSWORD" >/dev/null 2>&1 || true
echo
echo "Admin: http://localhost:9000/app  (login ${ADMIN_EMAIL} / ${ADMIN_PASSWORD}); Accounting is in the sidebar."
echo
exec npx medusa develop
