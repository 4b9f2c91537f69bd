#!/usr/bin/env bash
# npm run bench:cluster (not in CI): orders posted per second with one worker
# and with two, and with a control worker that posts nothing; the p95 of a
# refund post through a server meanwhile.
# Results: stdout and bench/results/cluster.json. BENCH_ORDERS (default 150).
# BENCH_ONLY=card_refund: the card refund comparison alone, into
# bench/results/cluster-card-refund.json.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cluster_prepare
if [ "${BENCH_ONLY:-}" = "card_refund" ]; then
  step "benchmark: the card refund against Medusa's refundPaymentWorkflow only (BENCH_ONLY=card_refund)"
  BENCH_RESULTS="$ROOT/bench/results/cluster-card-refund.json" node "$APP/.cluster-build/bench/cluster.bench.js"
  exit
fi
# The control worker's app: the same build with our two posting subscribers
# replaced by handlers that do nothing, on the same events (node_modules stays a link).
export CLUSTER_NOOP_SERVER_DIR="$APP/.medusa/server-noop"
cp -r "$CLUSTER_SERVER_DIR" "$CLUSTER_NOOP_SERVER_DIR"
for subscriber in order-accounting payment-accounting; do
  # The config is copied as data: requiring the original here would define our workflows twice.
  config=$(cd "$CLUSTER_SERVER_DIR" && node -e "console.log(JSON.stringify(require('./src/subscribers/$subscriber.js').config))")
  printf 'exports.config = %s\nexports.default = async function noop() {}\n' "$config" \
    >"$CLUSTER_NOOP_SERVER_DIR/src/subscribers/$subscriber.js"
done
step "benchmark: ${BENCH_ORDERS:-150} orders per run, 1 then 2 workers, then the no-op control worker"
BENCH_RESULTS="$ROOT/bench/results/cluster.json" node "$APP/.cluster-build/bench/cluster.bench.js"
