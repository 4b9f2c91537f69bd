#!/usr/bin/env bash
# Shared by scripts/cluster/run.sh (npm run test:cluster) and bench.sh
# (npm run bench:cluster): a copy of the working tree built once with
# `medusa build`, one fresh database, a Redis key space of our own, and a
# cleanup that stops every instance we started, whatever happens.
#
# The app is built in a temporary copy (node_modules linked) so that a
# concurrent `npm run test:e2e` or `npm run build` in the tree never swaps
# .medusa/server under the running instances.
#
# Environment (all optional):
#   CLUSTER_PORT_BASE  first of the 100 ports used (default 9400)
#   CLUSTER_REDIS_DB   database number on the shared Redis (default 8 + pid % 8);
#                      only that database is flushed, never the whole Redis
#   KEEP=1             keep the work directory, database and logs for a post-mortem
#   CLUSTER_PREBUILT   a .medusa/server already built from this tree (CI: the
#                      browser tests' build) to copy instead of building again

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export MEDUSA_DISABLE_TELEMETRY=true DISABLE_ADMIN=true
export CLUSTER_PORT_BASE="${CLUSTER_PORT_BASE:-9400}"
CLUSTER_REDIS_DB="${CLUSTER_REDIS_DB:-$((8 + $$ % 8))}"
export CLUSTER_REDIS_URL="redis://127.0.0.1:6379/${CLUSTER_REDIS_DB}"
CLUSTER_DB="accounting_cluster_$$"
export DATABASE_URL="postgres://postgres@localhost:5432/${CLUSTER_DB}"
export CLUSTER_WORK="$(mktemp -d /tmp/accounting-cluster-XXXXXX)"
APP="$CLUSTER_WORK/app"
export CLUSTER_SERVER_DIR="$APP/.medusa/server"
# step, create_db, drop_db, link_server_node_modules
# shellcheck source=scripts/lib/common.sh
source "$ROOT/scripts/lib/common.sh"

cluster_cleanup() {
  local rc=$?
  # Every instance runs in its own process group, its pid in $CLUSTER_WORK/pids.
  for pidfile in "$CLUSTER_WORK"/pids/*.pid; do
    [ -f "$pidfile" ] || continue
    kill -CONT -- -"$(cat "$pidfile")" 2>/dev/null || true
    kill -KILL -- -"$(cat "$pidfile")" 2>/dev/null || true
  done
  for pidfile in "$CLUSTER_WORK"/redis-*/redis.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  if [ -n "${KEEP:-}" ]; then
    echo "KEEP=1: work directory $CLUSTER_WORK, database $CLUSTER_DB, Redis db $CLUSTER_REDIS_DB kept"
  else
    redis-cli -h 127.0.0.1 -p 6379 -n "$CLUSTER_REDIS_DB" flushdb >/dev/null 2>&1 || true
    drop_db "$CLUSTER_DB"
    rm -rf "$CLUSTER_WORK"
  fi
  exit $rc
}

cluster_prepare() {
  trap cluster_cleanup EXIT
  trap 'exit 130' INT TERM

  bash "$ROOT/scripts/ensure-postgres.sh"
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    step "starting redis-server on 127.0.0.1:6379"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
    for _ in $(seq 1 50); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.1; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 -n "$CLUSTER_REDIS_DB" flushdb >/dev/null

  step "copying the working tree to $APP"
  mkdir -p "$APP/integration-tests" "$APP/bench"
  (cd "$ROOT" && cp -r src dev medusa-config.ts package.json tsconfig.json "$APP/")
  (cd "$ROOT" && cp -r integration-tests/cluster integration-tests/fixtures "$APP/integration-tests/")
  (cd "$ROOT" && cp bench/cluster*.ts "$APP/bench/" 2>/dev/null || true)
  ln -s "$ROOT/node_modules" "$APP/node_modules"

  local t0=$SECONDS
  if [ -n "${CLUSTER_PREBUILT:-}" ]; then
    # CI has just built this tree for the browser tests: a copy, so a rebuild there cannot touch it.
    step "using the build in $CLUSTER_PREBUILT (CLUSTER_PREBUILT)"
    mkdir -p "$APP/.medusa" && cp -r "$CLUSTER_PREBUILT" "$APP/.medusa/server"
  else
    step "building the app once (npx medusa build, admin disabled)"
    (cd "$APP" && npx medusa build >"$CLUSTER_WORK/build.log" 2>&1) || { tail -30 "$CLUSTER_WORK/build.log"; return 1; }
  fi
  link_server_node_modules "$APP"
  (cd "$APP" && npx tsc -p integration-tests/cluster/tsconfig.json) || return 1

  step "database $CLUSTER_DB: create, migrate, store fixture, admin user; Redis db $CLUSTER_REDIS_DB"
  create_db "$CLUSTER_DB"
  (cd "$APP" && env -u REDIS_URL npx medusa db:migrate >"$CLUSTER_WORK/migrate.log" 2>&1) || { tail -30 "$CLUSTER_WORK/migrate.log"; return 1; }
  # One at a time: every `medusa` command boots the app, and the boot creates
  # the default store; two boots on an empty database race on that insert.
  (cd "$APP" && env -u REDIS_URL npx medusa exec ./integration-tests/cluster/setup.ts "$CLUSTER_WORK/store.json" "${CLUSTER_CUSTOMERS:-30}" \
    >"$CLUSTER_WORK/setup.log" 2>&1) || { tail -30 "$CLUSTER_WORK/setup.log"; return 1; }
  (cd "$APP" && env -u REDIS_URL npx medusa user -e admin@example.com -p supersecret >"$CLUSTER_WORK/user.log" 2>&1) \
    || { tail -30 "$CLUSTER_WORK/user.log"; return 1; }
  echo "    prepared in $((SECONDS - t0)) s"
}
