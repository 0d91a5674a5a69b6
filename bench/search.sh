#!/usr/bin/env bash
# Search benchmark: /recherche over a generated index of 100,000 documents.
#
#   bash bench/search.sh [BUILD_DIR]      (default: $BUILD or build; needs BUILD_DIR/fabrique and
#                                          BUILD_DIR/bench/bench_search_index: cmake --build BUILD_DIR
#                                          --target fabrique bench_search_index)
#
# 1. Migrates a fresh SQLite database and fills its search index with BENCH_DOCUMENTS (100,000)
#    generated French documents through search::index() (bench/search_index.cpp), one in ten a draft.
# 2. Starts fabrique (2 threads) on a free loopback port and signs an account in, so that every
#    search is rendered (pages for visitors would come from the page cache after the first hit).
# 3. Runs wrk with a Lua script that cycles through BENCH_QUERIES: common and rare words, two- and
#    three-word queries, prefixes of the last word, a second page and a facet:
#      - one connection (-c1) for the latency a person sees: with nothing queued, the p95 is the
#        server time plus the loopback round trip;
#      - BENCH_CONNECTIONS (16) connections for the requests per second.
# 4. Prints a Markdown report with the load average at the start and the end.
# Everything started here is stopped, and the temporary directory removed, on exit.
set -euo pipefail

BUILD_DIR=${1:-${BUILD:-build}}
BIN=$BUILD_DIR/fabrique
GEN=$BUILD_DIR/bench/bench_search_index
DOCUMENTS=${BENCH_DOCUMENTS:-100000}
DURATION=${BENCH_DURATION:-15s}
CONNECTIONS=${BENCH_CONNECTIONS:-16}
THREADS=${BENCH_THREADS:-2}
TARGET_P95_MS=20

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }
[ -x "$BIN" ] || die "$BIN not found"
[ -x "$GEN" ] || die "$GEN not found (cmake --build $BUILD_DIR --target bench_search_index)"
for tool in wrk curl; do command -v "$tool" >/dev/null || die "'$tool' is not installed"; done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-search-bench.XXXXXX")
FABRIQUE_PID=
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$FABRIQUE_PID" ] && kill -0 "$FABRIQUE_PID" 2>/dev/null; then
    kill -TERM "$FABRIQUE_PID"; wait "$FABRIQUE_PID" 2>/dev/null || true
  fi
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
DB=$TMP/fabrique.db
"$BIN" migrate --database "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "migrate failed"; }
printf 'bench-search-password-42\n' >"$TMP/password"
"$BIN" user add --email bench@example.org --name Bench --password-file "$TMP/password" --database "$DB" >/dev/null
GEN_OUT=$("$GEN" "$DB" "$DOCUMENTS")
log "$GEN_OUT"
DB_MB=$(du -m "$DB" | cut -f1)

: >"$TMP/fabrique.out"
"$BIN" serve --database "$DB" --listen 127.0.0.1:0 --threads "$THREADS" --log_requests false \
  >"$TMP/fabrique.out" 2>"$TMP/fabrique.err" &
FABRIQUE_PID=$!
PORT=
for _ in $(seq 100); do
  PORT=$(sed -n 's|^fabrique listening on http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$TMP/fabrique.out")
  [ -n "$PORT" ] && break
  sleep 0.1
done
[ -n "$PORT" ] || die "fabrique did not start"
URL=http://127.0.0.1:$PORT

JAR=$TMP/cookies
CSRF=$(curl -sS -c "$JAR" "$URL/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -sS -b "$JAR" -c "$JAR" -o /dev/null -w '%{http_code}' --data-urlencode "csrf=$CSRF" \
  --data-urlencode "email=bench@example.org" --data-urlencode "password=bench-search-password-42" "$URL/connexion")
[ "$code" = 303 ] || die "sign-in answered $code"
COOKIE="fabrique_session=$(awk '$6 == "fabrique_session" {print $7}' "$JAR"); fabrique_browser=$(awk '$6 == "fabrique_browser" {print $7}' "$JAR")"

# The queries, URL-encoded: what people type, from the most common words to the rarest.
cat >"$TMP/queries.lua" <<'LUA'
local queries = {
  "num%C3%A9rique", "coalition", "communs", "donnees", "territoires", "donnees%20environnementales",
  "collectivit%C3%A9s%20num%C3%A9rique", "citoyens", "participation%20d%C3%A9mocratie", "algorithmes%20publics",
  "sobri%C3%A9t%C3%A9", "inclusion%20m%C3%A9diation", "logiciel%20libre", "atelier", "proximit%C3%A9",
  "num", "coal", "don", "terr", "environ", "gouvernance%20charte", "capteurs%20biodiversit%C3%A9",
  "explicabilit%C3%A9%20transparence", "feuille%20de%20route", "compte%20rendu", "reset%20journ%C3%A9e",
  "tarique", "rinoique", "velmuique", "sadeique%20lonique", "pracique", "gob%C3%A9ique",
  "num%C3%A9rique&page=2", "communs&type=resource", "donnees&type=card", "tari", "%22%28*",
  "acteurs%20partenaires%20r%C3%A9seau", "dematerialisation%20demarches", "ecole%20education",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", "/recherche?q=" .. queries[(i % #queries) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("P50 %.2f\nP95 %.2f\nP99 %.2f\nRPS %.0f\nERRORS %d\n", latency:percentile(50) / 1000,
    latency:percentile(95) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

# Every query answers 200 with results or an ordinary page.
for q in num%C3%A9rique communs%20donnees coal %22%28* tarique; do
  c=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$URL/recherche?q=$q")
  [ "$c" = 200 ] || die "/recherche?q=$q answered $c"
done
HITS=$(curl -sS -H "Cookie: $COOKIE" "$URL/recherche?q=num%C3%A9rique" | grep -o '[0-9 ]* résultats' | head -1 || true)
log "\"numérique\" gives: $HITS"

run() {  # run CONNECTIONS: prints the Lua summary
  wrk -t"$THREADS" -c"$1" -d"$DURATION" -H "Cookie: $COOKIE" -s "$TMP/queries.lua" "$URL" 2>&1 | sed -n '/^P50/,$p'
}
wrk -t1 -c1 -d3s -H "Cookie: $COOKIE" -s "$TMP/queries.lua" "$URL" >/dev/null 2>&1  # warm-up
cpu_ticks() { awk '{print $14 + $15}' "/proc/$FABRIQUE_PID/stat"; }  # user + system, in clock ticks
TICKS_START=$(cpu_ticks)
ONE=$(THREADS=1 run 1)
TICKS_END=$(cpu_ticks)
MANY=$(run "$CONNECTIONS")
RSS_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$FABRIQUE_PID/status")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
val() { echo "$1" | awk -v k="$2" '$1 == k {print $2}'; }
P95=$(val "$ONE" P95)
# The server's own CPU time per request, whatever else runs on the machine (mean over the run).
CPU_MS=$(awk -v t=$((TICKS_END - TICKS_START)) -v hz="$(getconf CLK_TCK)" -v rps="$(val "$ONE" RPS)" -v d="${DURATION%s}" \
  'BEGIN { printf "%.1f", t / hz * 1000 / (rps * d) }')
VERDICT=$(awk -v p="$P95" -v t="$TARGET_P95_MS" 'BEGIN { print (p <= t) ? "PASS" : "MISS" }')

cat <<REPORT
### Search over $DOCUMENTS documents — $(date -u '+%Y-%m-%d %H:%M UTC')

Command: \`bash bench/search.sh $BUILD_DIR\` (wrk, $DURATION per run, fabrique with $THREADS threads, SQLite,
database $DB_MB MB; $GEN_OUT). Load average (1, 5, 15 min): $LOAD_START at the start, $LOAD_END at the end,
on a machine shared with other builds. 40 queries in rotation, signed in (no page cache).

| connections | p50 ms | p95 ms | p99 ms | requests/s | errors |
|---:|---:|---:|---:|---:|---:|
| 1 | $(val "$ONE" P50) | $(val "$ONE" P95) | $(val "$ONE" P99) | $(val "$ONE" RPS) | $(val "$ONE" ERRORS) |
| $CONNECTIONS | $(val "$MANY" P50) | $(val "$MANY" P95) | $(val "$MANY" P99) | $(val "$MANY" RPS) | $(val "$MANY" ERRORS) |

Target: p95 ≤ $TARGET_P95_MS ms server time (one connection: nothing queued) — **$VERDICT**. fabrique's own CPU
time per request (user + system, mean over the one-connection run): $CPU_MS ms. Peak RSS $((RSS_KB / 1024)) MB.
REPORT
