#!/usr/bin/env bash
# npm run bench:cluster (not in CI): orders posted per second with one worker
# and with two, and the p95 of a refund post through a server meanwhile.
# Results: stdout and bench/results/cluster.json. BENCH_ORDERS (default 150).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cluster_prepare
step "benchmark: ${BENCH_ORDERS:-150} orders per run, 1 then 2 workers"
BENCH_RESULTS="$ROOT/bench/results/cluster.json" node "$APP/.cluster-build/bench/cluster.bench.js"
