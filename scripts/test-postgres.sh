#!/usr/bin/env bash
# Runs the integration test binary against a throwaway PostgreSQL cluster (initdb in a temporary folder, a free local port), removed afterwards.
#
# Usage: scripts/test-postgres.sh path/to/integration_tests [extra gtest arguments]
# PG_BIN may name the folder holding initdb and pg_ctl (default: the newest /usr/lib/postgresql/*/bin).
# The cluster itself is set up by scripts/pg-cluster.sh (shared with the multi-node test and the bench).
set -euo pipefail

die() {
  echo "test-postgres: FAILED: $*" >&2
  exit 1
}

[ $# -ge 1 ] || die "usage: $0 INTEGRATION_TEST_BINARY [gtest arguments...]"
binary=$1
shift
[ -x "$binary" ] || die "$binary is not an executable"

source "$(dirname "${BASH_SOURCE[0]}")/pg-cluster.sh"

cleanup() {
  local rc=$?
  pg_cluster_stop
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_cluster_start memory || die "could not start PostgreSQL"

export FABRIQUE_TEST_DATABASE_URL=$PG_URL
echo "test-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT"
set +e
"$binary" --gtest_brief=1 "$@"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "test-postgres: last lines of the server log:" >&2
  pg_cluster_log 30 >&2
  die "the integration tests failed on PostgreSQL (exit status $rc)"
fi
echo "test-postgres: all integration tests passed on PostgreSQL"
