#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on localhost:5432 (starts the local
# Debian cluster if it is installed but stopped). Used by `npm run dev` and CI.
set -euo pipefail
ready() { pg_isready -h localhost -p "${DB_PORT:-5432}" -q 2>/dev/null || psql -h localhost -U "${DB_USERNAME:-postgres}" -d postgres -Atc 'select 1' >/dev/null 2>&1; }
if ready; then exit 0; fi
if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
  echo "Starting the local PostgreSQL cluster..."
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
fi
for _ in $(seq 1 30); do ready && exit 0; sleep 1; done
echo "PostgreSQL does not answer on localhost:${DB_PORT:-5432}." >&2
echo "Start one (e.g. 'docker compose up -d postgres' with this repo's docker-compose.yml) and retry." >&2
exit 1
