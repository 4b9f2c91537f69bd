#!/usr/bin/env bash
# npm run test:cluster: two servers and two workers (MEDUSA_WORKER_MODE) on
# Medusa's Redis modules over one fresh database, driven over HTTP by
# integration-tests/cluster/cluster-test.ts (see docs/DEPLOYMENT.md).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
T0=$SECONDS
cluster_prepare
step "running the cluster test"
node "$APP/.cluster-build/integration-tests/cluster/cluster-test.js"
echo "test:cluster took $((SECONDS - T0)) s in all"
