#!/usr/bin/env bash
# The bench scenarios in the three set-ups of docs/deploy.md, one after the other: one node on SQLite, one node on PostgreSQL, two nodes on PostgreSQL behind nginx.
#
#   bash bench/scaleout.sh [BUILD_DIR] > report.md     (every BENCH_* knob of bench/run.sh applies to each)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for setup in "sqlite 1" "postgresql 1" "postgresql 2"; do
  read -r engine nodes <<<"$setup"
  echo
  echo "# Set-up: $engine, $nodes node(s) — started $(date -u '+%H:%M') UTC, load average $(cut -d' ' -f1-3 /proc/loadavg)"
  BENCH_DATABASE=$engine BENCH_NODES=$nodes bash "$HERE/run.sh" "$@"
done
