#!/usr/bin/env bash
# Two builds compared on the pages that are rendered on every request (signed in, no page cache):
# server CPU per request, sequential requests, the builds interleaved (before, after, before,
# after) so that a change of load on the machine touches both alike.
#
#   BENCH_KEEP=1 bash bench/run.sh build        # once: keeps the generated programme, prints its folder
#   bash bench/compare.sh FOLDER/fabrique.db OLD/fabrique NEW/fabrique
#
# The database is the one bench/run.sh generated (with its bench reader account); each server runs
# on a copy of it with one thread. Knobs: COMPARE_REQUESTS (50 per page and encoding),
# COMPARE_ROUNDS (2). CPU comes from /proc/PID/stat in 10 ms ticks: about ±0.2 ms per figure at 50.
set -euo pipefail
[ $# = 3 ] || { echo "usage: $0 DATABASE OLD_BINARY NEW_BINARY" >&2; exit 2; }
SOURCE_DB=$1
N=${COMPARE_REQUESTS:-50}
ROUNDS=${COMPARE_ROUNDS:-2}
EMAIL=bench-reader@example.org
PASSWORD=bench-reader-password-42

# The coalition bench/run.sh measures: the one with the median booklet size.
SLUG=$(sqlite3 "$SOURCE_DB" "SELECT k.slug FROM coalitions k
  JOIN (SELECT coalition_id, SUM(length(body)) AS size FROM booklet_current GROUP BY coalition_id) b ON b.coalition_id = k.id
  ORDER BY b.size, k.id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM coalitions)")
PAGES=(/tableau-de-bord /feuille-de-route "/coalitions/$SLUG" /coalitions /)
TICK_US=$((1000000 / $(getconf CLK_TCK)))

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

measure() {  # BINARY LABEL
  local bin=$1 label=$2 dir pid url= csrf
  dir=$(mktemp -d)
  cp "$SOURCE_DB" "$dir/db"
  "$bin" serve --database "$dir/db" --listen 127.0.0.1:0 --threads 1 --log_requests false >"$dir/out" 2>"$dir/err" &
  pid=$!
  for _ in $(seq 100); do
    url=$(grep -o 'http://[0-9.:]*' "$dir/out" | head -1 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { cat "$dir/err" >&2; echo "compare: $bin did not start" >&2; exit 1; }
  csrf=$(curl -sS -c "$dir/jar" "$url/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -sS -b "$dir/jar" -c "$dir/jar" -o /dev/null -H 'Content-Type: application/x-www-form-urlencoded' \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=$EMAIL" --data-urlencode "password=$PASSWORD" "$url/connexion"
  local page enc t0 t1
  for page in "${PAGES[@]}"; do
    for enc in identity gzip; do
      for _ in 1 2 3; do curl -sS -o /dev/null -b "$dir/jar" -H "Accept-Encoding: $enc" "$url$page"; done
      t0=$(cpu_ticks "$pid")
      for _ in $(seq "$N"); do curl -sS -o /dev/null -b "$dir/jar" -H "Accept-Encoding: $enc" "$url$page"; done
      t1=$(cpu_ticks "$pid")
      printf '%s\t%s\t%s\t%d\n' "$label" "$page" "$enc" $(((t1 - t0) * TICK_US / N))
    done
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
}

printf 'build\tpage\tencoding\tserver CPU µs/request\n'
for _ in $(seq "$ROUNDS"); do
  measure "$2" before
  measure "$3" after
done
