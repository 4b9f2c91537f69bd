#!/usr/bin/env bash
# npm run backfill -- [--since YYYY-MM-DD] [--dry-run] [--batch N]
# `medusa exec` only passes plain words to a script: turn the flags into name=value.
set -euo pipefail
cd "$(dirname "$0")/.."
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --since|--batch) args+=("${1#--}=$2"); shift 2 ;;
    --since=*|--batch=*) args+=("${1#--}"); shift ;;
    --dry-run) args+=("dry-run"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done
exec npx medusa exec ./src/scripts/accounting-backfill.ts "${args[@]}"
