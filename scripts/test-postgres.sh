#!/usr/bin/env bash
# Runs the integration test binary against a throwaway PostgreSQL cluster (initdb in a temporary folder, a free local port), removed afterwards.
#
# Usage: scripts/test-postgres.sh path/to/integration_tests [extra gtest arguments]
# PG_BIN may name the folder holding initdb and pg_ctl (default: the newest /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (or `nobody`).
set -euo pipefail

die() {
  echo "test-postgres: FAILED: $*" >&2
  exit 1
}

[ $# -ge 1 ] || die "usage: $0 INTEGRATION_TEST_BINARY [gtest arguments...]"
binary=$1
shift
[ -x "$binary" ] || die "$binary is not an executable"

if [ -z "${PG_BIN:-}" ]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] ||
  die "initdb/pg_ctl not found (install postgresql, or set PG_BIN)"

owner=""
if [ "$(id -u)" -eq 0 ]; then
  if id postgres >/dev/null 2>&1; then owner=postgres; else owner=nobody; fi
fi
as_owner() {
  if [ -n "$owner" ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-pg.XXXXXX")
[ -n "$owner" ] && chown "$owner" "$tmp"
data="$tmp/data"
log="$tmp/server.log"
started=""

cleanup() {
  local rc=$?
  if [ -n "$started" ]; then
    # Immediate: the data is thrown away anyway, no need for a clean checkpoint.
    as_owner "$PG_BIN/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# C.UTF-8 sorts by code point, as SQLite's BINARY collation does, so ORDER BY agrees on both engines.
as_owner "$PG_BIN/initdb" -D "$data" -U fabrique --auth=trust --encoding=UTF8 --locale=C.UTF-8 --no-sync \
  >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; die "initdb failed"; }

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Durability is pointless for a throwaway cluster: no fsync makes CREATE DATABASE and commits fast.
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 40000))
  port_is_free "$port" || continue
  if as_owner "$PG_BIN/pg_ctl" -D "$data" -l "$log" -w -t 60 \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c log_checkpoints=off -c max_connections=200" \
    start >/dev/null; then
    started=yes
    break
  fi
done
[ -n "$started" ] || { tail -n 30 "$log" >&2 || true; die "could not start PostgreSQL"; }

export FABRIQUE_TEST_DATABASE_URL="postgresql://fabrique@127.0.0.1:$port/postgres"
echo "test-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $port"
set +e
"$binary" --gtest_brief=1 "$@"
rc=$?
set -e
if [ "$rc" -ne 0 ]; then
  echo "test-postgres: last lines of the server log:" >&2
  tail -n 30 "$log" >&2 || true
  die "the integration tests failed on PostgreSQL (exit status $rc)"
fi
echo "test-postgres: all integration tests passed on PostgreSQL"
