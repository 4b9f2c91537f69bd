# shellcheck shell=bash
# Sourced (not run) by scripts/e2e.sh, verify-install.sh, dev.sh and
# cluster/lib.sh: the few pieces they share. Defines functions and two
# variables, changes no shell option.

# Maintenance database on the server scripts/ensure-postgres.sh makes sure of;
# dev.sh points it at the server of its DATABASE_URL.
PG_ADMIN_URL="${PG_ADMIN_URL:-postgres://postgres@localhost:5432/postgres}"
# Process group of the app start_built_app started, for stop_app.
APP_PID=""

step() { echo "==> $*"; }

# pg_admin_sql SQL: runs SQL on the maintenance database, prints bare values.
pg_admin_sql() { psql "$PG_ADMIN_URL" -qAtc "$1"; }

create_db() { pg_admin_sql "create database \"$1\""; }

# drop_db NAME: silent, never fails; `with (force)` ends the connections of an
# app that is still shutting down.
drop_db() { pg_admin_sql "drop database if exists \"$1\" with (force)" >/dev/null 2>&1 || true; }

# link_server_node_modules APPDIR: the built server in APPDIR/.medusa/server
# resolves its packages from APPDIR/node_modules.
link_server_node_modules() { ln -sfn ../../node_modules "$1/.medusa/server/node_modules"; }

# start_built_app APPDIR PORT LOG [TRIES]: `medusa start` of APPDIR's build on
# PORT in a process group of its own (APP_PID), output to LOG; waits up to
# TRIES seconds (default 120) for /health, else prints LOG's tail and returns 1.
start_built_app() {
  local dir=$1 port=$2 log=$3 tries=${4:-120}
  link_server_node_modules "$dir" || return 1
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'cd "$1" && PORT="$2" exec npx medusa start' _ "$dir/.medusa/server" "$port" >"$log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 "$tries"); do curl -sf "http://localhost:${port}/health" >/dev/null && return 0; sleep 1; done
  curl -sf "http://localhost:${port}/health" >/dev/null && return 0
  tail -50 "$log"
  return 1
}

# stop_app: kills the process group of start_built_app (npx and node with it).
stop_app() {
  if [ -n "$APP_PID" ]; then kill -- -"$APP_PID" 2>/dev/null || true; fi
}
