# A throwaway PostgreSQL cluster for tests and benchmarks (sourced, not run): initdb in a folder, a free 127.0.0.1 port, no durability.
#
#   source scripts/pg-cluster.sh
#   pg_cluster_start [memory]      # sets PG_URL (postgresql://fabrique@127.0.0.1:PORT/postgres), PG_PORT, PG_BIN
#   pg_cluster_createdb NAME        # prints the URL of a new, empty database NAME
#   pg_cluster_stop                 # stops it and removes its folder (call it from your EXIT trap)
#
# PG_BIN may name the folder holding initdb and pg_ctl (default: the newest /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user (or `nobody`).
#
# `memory` puts the cluster in /dev/shm when it is a tmpfs with PG_CLUSTER_MEMORY_MB free (default 2048),
# in TMPDIR otherwise: for the tests, whose clusters are small and whose databases are created and
# dropped hundreds of times. On ext4 each of those creates and unlinks a file per relation, and finding
# a free inode among so many just freed (the kernel's recently_deleted) took a third of the machine's CPU
# during the PostgreSQL suite; in memory that suite runs in half the time. The benchmarks' large
# programmes stay on disk.

PG_CLUSTER_DIR=
PG_CLUSTER_RUNNING=
PG_CLUSTER_OWNER=
PG_URL=
PG_PORT=

pg_cluster_as_owner() {
  if [ -n "$PG_CLUSTER_OWNER" ]; then runuser -u "$PG_CLUSTER_OWNER" -- "$@"; else "$@"; fi
}

pg_cluster_start() {  # 0 when the cluster answers; prints the reason otherwise
  local dir attempt port parent=${TMPDIR:-/tmp} free_kb
  if [ -z "${PG_BIN:-}" ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
  if [ -z "${PG_BIN:-}" ] || [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    echo "pg-cluster: initdb/pg_ctl not found (install postgresql, or set PG_BIN)" >&2
    return 1
  fi
  PG_CLUSTER_OWNER=
  if [ "$(id -u)" -eq 0 ]; then
    if id postgres >/dev/null 2>&1; then PG_CLUSTER_OWNER=postgres; else PG_CLUSTER_OWNER=nobody; fi
  fi
  if [ "${1:-}" = memory ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ] && [ -w /dev/shm ]; then
    free_kb=$(df -Pk /dev/shm | awk 'NR == 2 {print $4}')
    [ "${free_kb:-0}" -ge $((${PG_CLUSTER_MEMORY_MB:-2048} * 1024)) ] && parent=/dev/shm
  fi
  # A folder of its own (not inside the caller's, which the cluster's owner may not be able to enter).
  dir=$(mktemp -d "$parent/fabrique-pg.XXXXXX") || return 1
  PG_CLUSTER_DIR=$dir
  [ -n "$PG_CLUSTER_OWNER" ] && chown "$PG_CLUSTER_OWNER" "$dir"
  # C.UTF-8 sorts by code point, as SQLite's BINARY collation does, so ORDER BY agrees on both engines.
  pg_cluster_as_owner "$PG_BIN/initdb" -D "$dir/data" -U fabrique --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
    --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; echo "pg-cluster: initdb failed" >&2; return 1; }
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue  # taken
    # Durability is pointless for a throwaway cluster: no fsync makes commits fast.
    if pg_cluster_as_owner "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c log_checkpoints=off -c max_connections=200" \
      start >/dev/null; then
      PG_CLUSTER_RUNNING=1
      PG_PORT=$port
      PG_URL="postgresql://fabrique@127.0.0.1:$port/postgres"
      return 0
    fi
  done
  tail -n 30 "$dir/server.log" >&2 2>/dev/null || true
  echo "pg-cluster: could not start PostgreSQL" >&2
  return 1
}

pg_cluster_createdb() {  # pg_cluster_createdb NAME: prints the new database's URL
  "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 "$PG_URL" -c "CREATE DATABASE \"$1\"" >/dev/null || return 1
  echo "postgresql://fabrique@127.0.0.1:$PG_PORT/$1"
}

pg_cluster_log() { tail -n "${1:-30}" "$PG_CLUSTER_DIR/server.log" 2>/dev/null || true; }

pg_cluster_stop() {
  [ -n "$PG_CLUSTER_DIR" ] || return 0
  if [ -n "$PG_CLUSTER_RUNNING" ]; then
    # Immediate: the data is thrown away anyway, no need for a clean checkpoint.
    pg_cluster_as_owner "$PG_BIN/pg_ctl" -D "$PG_CLUSTER_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_CLUSTER_DIR"
  PG_CLUSTER_DIR=
  PG_CLUSTER_RUNNING=
}
