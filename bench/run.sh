#!/usr/bin/env bash
# `make bench`: fabrique against nginx serving the very same bytes, on the loopback interface.
#
#   bash bench/run.sh [BUILD_DIR]        (default: $BUILD or build; uses BUILD_DIR/fabrique, builds nothing)
#
# 1. Fills a fresh SQLite database with a generated programme (bench/generate.sh: organisations, users,
#    coalitions with their booklet revisions, members, interest declarations, stage histories and
#    roadmaps, events with registrations and minutes, resources, observatory entries, journal posts,
#    decisions, datasets and reuses, placed on the territories of the COG when it is installed), at the
#    size BENCH_SCALE gives (1: 1,000 coalitions and 10,000 users).
# 2. Starts fabrique (2 threads) on a free 127.0.0.1 port, creates an account with `fabrique user
#    add` and signs it in through the site (GET /connexion for the browser cookie and the CSRF
#    field, then POST /connexion).
# 3. Saves the exact bytes of each measured page (plain and gzip) and has nginx (2 workers,
#    access_log off, gzip_static) serve those files on another 127.0.0.1 port, at the same paths.
#    Visitor pages: /, /coalitions (first page of 100), /coalitions/{slug} and its /historique
#    (50 revisions) for the coalition with the median booklet size, /organisations. Then the
#    coalition page again for the signed-in user (fabrique renders it on every request: no cache);
#    nginx serves the bytes fabrique sent that user.
# 4. For each pass: waits (bounded) until the 1-minute load average is below BENCH_MAX_LOAD, then for
#    each page and encoding waits (bounded) until other processes leave the cores idle, and runs
#    `wrk -t2 -c64 -d10s --latency` against fabrique, then nginx, after a 2 s warm-up each.
#    The wrk client runs on the same machine and shares its cores with the server under test.
# 5. Prints a Markdown report (stdout): a table per pass, peak RSS, and PASS/MISS per target.
#
# Knobs (environment): BENCH_DURATION (10s), BENCH_CONNECTIONS (64), BENCH_THREADS (2: fabrique
# threads, nginx workers and wrk threads), BENCH_PASSES (1), BENCH_MAX_LOAD (1.0) and
# BENCH_LOAD_WAIT (240: seconds to wait for it before a pass), BENCH_QUIET_CPU (25: % of the machine
# other processes may use before a measurement) and BENCH_QUIET_WAIT (60: seconds to wait for it),
# BENCH_SCALE (1) and the counts it sets (BENCH_COALITIONS, BENCH_REVISIONS, BENCH_USERS, BENCH_EVENTS…:
# see bench/generate.sh), BENCH_STRICT=1 to exit 1 when a target is missed, BENCH_KEEP=1 to keep the
# temporary directory.
# Scale-out: BENCH_DATABASE=postgresql copies the generated programme (`fabrique copy`) into a
# throwaway PostgreSQL cluster (scripts/pg-cluster.sh) and serves it from there; BENCH_NODES=2 starts
# two fabrique nodes on that database behind nginx as a round-robin reverse proxy (as docs/deploy.md
# configures it) and measures through the proxy. "server CPU" then counts both nodes, the proxy and
# PostgreSQL. bench/scaleout.sh runs the three set-ups one after the other.
# Everything started here is stopped, and the temporary directory removed, on exit.
set -euo pipefail

BUILD_DIR=${1:-${BUILD:-build}}
BIN=$BUILD_DIR/fabrique
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
PASSES=${BENCH_PASSES:-1}
MAX_LOAD=${BENCH_MAX_LOAD:-1.0}
LOAD_WAIT=${BENCH_LOAD_WAIT:-240}
QUIET_CPU=${BENCH_QUIET_CPU:-25}
QUIET_WAIT=${BENCH_QUIET_WAIT:-60}
ENGINE=${BENCH_DATABASE:-sqlite}
NODES=${BENCH_NODES:-1}
[ "$NODES" = 1 ] || [ "$NODES" = 2 ] || { echo "bench: BENCH_NODES must be 1 or 2" >&2; exit 1; }
[ "$NODES" = 1 ] || [ "$ENGINE" = postgresql ] || { echo "bench: two nodes need BENCH_DATABASE=postgresql" >&2; exit 1; }
NGINX=${NGINX:-nginx}

# Targets (from the issues).
TARGET_RATIO=0.5   # req/s at least this fraction of nginx's: home (foundation), coalition list and page (coalitions)
TARGET_P99_MS=10   # p99 latency at $CONNECTIONS connections, same pages
TARGET_RSS_MB=64   # fabrique's peak resident memory (foundation)

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

[ -x "$BIN" ] || die "$BIN not found: build first (make build, or cmake --build $BUILD_DIR --target fabrique)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in wrk curl sqlite3 awk gzip cmp timeout "$NGINX"; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed (make deps installs it)"
done
[ -f "$HERE/coalitions.sql" ] || die "$HERE/coalitions.sql not found"
source "$HERE/generate.sh"  # the knobs of the generated programme, generate_programme, add_bench_reader, sign_in

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-bench.XXXXXX")
FABRIQUE_PID=
FABRIQUE2_PID=
PROXY_PID=
NGINX_PID=
source "$HERE/../scripts/pg-cluster.sh"
source "$HERE/../scripts/nodes.sh"  # stop_pid, start_site, start_static

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$FABRIQUE_PID"
  stop_pid "$FABRIQUE2_PID"
  stop_pid "$PROXY_PID"
  stop_pid "$NGINX_PID"
  pg_cluster_stop
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

load1() { cut -d' ' -f1 /proc/loadavg; }
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# ---------------------------------------------------------------------------------------------
# 1. A fresh database with a generated programme.

DB=$TMP/fabrique.db
generate_programme "$DB"
median_coalition "$DB"
add_bench_reader "$DB"

serve_from "$ENGINE" "$DB"

# ---------------------------------------------------------------------------------------------
# 2. fabrique on a free loopback port (port 0: the kernel picks; fabrique prints it).

NODE_THREADS=$THREADS
BALANCER_WORKERS=$THREADS
start_site "$NODES" "$SERVE_DB" --trusted_proxies 127.0.0.1 || die "fabrique did not start"
FABRIQUE_PID=${SITE_PIDS[0]}
FABRIQUE2_PID=${SITE_PIDS[1]:-}
PROXY_PID=$SITE_BALANCER
FABRIQUE=$SITE_URL
SETUP_NOTE="one node on $ENGINE"
[ "$NODES" = 2 ] && SETUP_NOTE="two nodes on $ENGINE (pids $FABRIQUE_PID and $FABRIQUE2_PID, $THREADS threads each) behind nginx as a round-robin load balancer ($THREADS workers, keep-alive to the nodes) on $FABRIQUE"
log "measuring $SETUP_NOTE"
RSS_START_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$FABRIQUE_PID/status")

sign_in "$FABRIQUE"

# ---------------------------------------------------------------------------------------------
# 3. The measured cases and the exact bytes of each page, plain and gzip.

# Case i: display name, fabrique path, nginx path, file under www/, request cookie header ('' for
# a visitor), whether the coalitions issue's targets apply (list/page) or the foundation's (home).
NAMES=() FPATHS=() NPATHS=() FILES=() COOKIES=() TARGETS=()
add_case() { NAMES+=("$1"); FPATHS+=("$2"); NPATHS+=("$3"); FILES+=("$4"); COOKIES+=("$5"); TARGETS+=("$6"); }
add_case "/" / / home.html "" home
add_case "/coalitions" /coalitions /coalitions coalitions.html "" coalitions
add_case "/coalitions/{slug}" "/coalitions/$SLUG" "/coalitions/$SLUG" coalition.html "" coalitions
add_case "/coalitions/{slug}/historique" "/coalitions/$SLUG/historique" "/coalitions/$SLUG/historique" history.html "" ""
add_case "/organisations" /organisations /organisations organisations.html "" ""
add_case "/coalitions/{slug} signed in" "/coalitions/$SLUG" "/signed-in/coalitions/$SLUG" coalition-signed-in.html "$SIGNED_COOKIE" ""
# Roadmaps: the dashboard and the programme roadmap for visitors (cached) and signed in (rendered on
# every request: the whole dashboard of 1,000 coalitions, in a constant number of queries).
add_case "/tableau-de-bord" /tableau-de-bord /tableau-de-bord dashboard.html "" ""
add_case "/feuille-de-route" /feuille-de-route /feuille-de-route roadmap.html "" ""
add_case "/tableau-de-bord signed in" /tableau-de-bord /signed-in/tableau-de-bord dashboard-signed-in.html "$SIGNED_COOKIE" ""
add_case "/feuille-de-route signed in" /feuille-de-route /signed-in/feuille-de-route roadmap-signed-in.html "$SIGNED_COOKIE" ""
# The other pages issue #20 names signed in: an upcoming event, the account, a booklet's history.
EVENT_SLUG=$(sqlite3 "$DB" "SELECT slug FROM events WHERE starts_at > strftime('%s', 'now') ORDER BY id LIMIT 1")
[ -n "$EVENT_SLUG" ] || die "no upcoming event in the generated programme"
add_case "/evenements/{slug} signed in" "/evenements/$EVENT_SLUG" "/signed-in/evenements/$EVENT_SLUG" event-signed-in.html "$SIGNED_COOKIE" ""
add_case "/compte signed in" /compte /signed-in/compte account-signed-in.html "$SIGNED_COOKIE" ""
add_case "/coalitions/{slug}/historique signed in" "/coalitions/$SLUG/historique" "/signed-in/coalitions/$SLUG/historique" history-signed-in.html "$SIGNED_COOKIE" ""

ROOT=$TMP/www
mkdir -p "$ROOT"
for i in "${!NAMES[@]}"; do
  f=$ROOT/${FILES[$i]}
  cookie=() ; [ -n "${COOKIES[$i]}" ] && cookie=(-H "${COOKIES[$i]}")
  code=$(curl -sS --max-time 10 "${cookie[@]}" -D "$f.headers" -o "$f" -w '%{http_code}' "$FABRIQUE${FPATHS[$i]}")
  [ "$code" = 200 ] || die "GET ${FPATHS[$i]} (${NAMES[$i]}) answered $code"
  curl -sS --max-time 10 "${cookie[@]}" -H 'Accept-Encoding: gzip' -D "$f.gz.headers" -o "$f.gz" "$FABRIQUE${FPATHS[$i]}"
  grep -qi '^content-encoding: gzip' "$f.gz.headers" || die "fabrique did not gzip ${NAMES[$i]}"
  gzip -dc "$f.gz" | cmp -s - "$f" || die "gzip and plain bodies of ${NAMES[$i]} differ"
  if [ -z "${COOKIES[$i]}" ] && grep -qi '^set-cookie' "$f.headers"; then die "${NAMES[$i]} sets a cookie for visitors"; fi
done
# A generated coalition renders: its page links its history, which lists every revision, and the
# signed-in page is the signed-in one.
grep -q "href=\"/coalitions/$SLUG/historique\"" "$ROOT/coalition.html" || die "the coalition page does not link its history"
rows=$(grep -o "href=\"/coalitions/$SLUG/historique/[0-9]*\"" "$ROOT/history.html" | sort -u | wc -l)
[ "$rows" = "$N_REVISIONS" ] || die "the history page lists $rows revisions, not $N_REVISIONS"
grep -q 'action="/deconnexion"' "$ROOT/coalition-signed-in.html" || die "the signed-in page is not signed in"
log "coalition measured: /coalitions/$SLUG (median booklet, $BOOKLET_BYTES bytes of Markdown); pages render"

# ---------------------------------------------------------------------------------------------
# 4. nginx serving those files, same worker count, on another free loopback port, at the same paths.

HAS_GZIP_STATIC=0
NGINX_BUILD=$("$NGINX" -V 2>&1)
case $NGINX_BUILD in *--with-http_gzip_static_module*) HAS_GZIP_STATIC=1 ;; esac

locations=
for i in "${!NAMES[@]}"; do locations+="    location = ${NPATHS[$i]} { rewrite ^ /${FILES[$i]} break; }"$'\n'; done
locations+="    location / { return 404; }"
STATIC_WORKERS=$THREADS
start_static "$ROOT" "$locations" "$([ "$HAS_GZIP_STATIC" = 1 ] && echo "gzip_static on;")" || die "nginx did not start"
NGINX_PID=$STATIC_PID
NPORT=$STATIC_PORT
NGINXURL=http://127.0.0.1:$NPORT
log "nginx (pid $NGINX_PID, $THREADS workers, gzip_static $([ $HAS_GZIP_STATIC = 1 ] && echo on || echo unavailable)) on $NGINXURL"

# Same bodies from both servers, or the comparison means nothing; and fabrique keeps sending the
# bytes saved (the signed-in page included: its CSRF fields depend on the browser cookie only).
ENCODINGS=(identity)
[ "$HAS_GZIP_STATIC" = 1 ] && ENCODINGS+=(gzip)
for i in "${!NAMES[@]}"; do
  f=$ROOT/${FILES[$i]}
  cookie=() ; [ -n "${COOKIES[$i]}" ] && cookie=(-H "${COOKIES[$i]}")
  curl -sS --max-time 5 "$NGINXURL${NPATHS[$i]}" | cmp -s - "$f" || die "nginx does not serve the bytes of ${NAMES[$i]}"
  curl -sS --max-time 5 "${cookie[@]}" "$FABRIQUE${FPATHS[$i]}" | cmp -s - "$f" || die "fabrique's ${NAMES[$i]} changed"
  if [ "$HAS_GZIP_STATIC" = 1 ]; then
    curl -sS --max-time 5 -H 'Accept-Encoding: gzip' "$NGINXURL${NPATHS[$i]}" | cmp -s - "$f.gz" ||
      die "nginx does not serve the gzip bytes of ${NAMES[$i]}"
  fi
done
header_bytes() { curl -sS --max-time 5 -o /dev/null -w '%{size_header}' "$@"; }

# Peak RSS so far: start-up, the sign-in (Argon2id verification allocates its memory cost, 64 MiB
# at the "interactive" limits) and the first renders. Then the peak is reset (clear_refs 5), so that
# each pass reports the peak of its own load.
SETUP_HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$FABRIQUE_PID/status")
reset_hwm() { echo 5 >"/proc/$FABRIQUE_PID/clear_refs" 2>/dev/null; }
HWM_RESETS=1
reset_hwm || HWM_RESETS=0
HEADER_NOTE="fabrique $(header_bytes "$FABRIQUE/"), nginx $(header_bytes "$NGINXURL/")"

# ---------------------------------------------------------------------------------------------
# 5. Load.

to_ms() {  # wrk latency ("812.00us", "1.23ms", "1.05s") to milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
# CPU time (user + system, clock ticks) used so far by the given processes and all their threads.
cpu_ticks() {
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}
# Ticks of the whole machine: "busy total" (user + nice + system, all processes).
machine_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; exit }' /proc/stat; }
# CPU time of this shell's reaped children (wrk runs under timeout, which reaps it), into
# CHILD_TICKS; read without forking, since a subshell would read its own.
CHILD_TICKS=0
read_children_ticks() {
  local stat f
  read -r stat <"/proc/$BASHPID/stat"
  read -r -a f <<<"${stat##*) }"
  CHILD_TICKS=$((f[13] + f[14]))
}
children_of() {  # children_of PID: PID and its child processes
  local stat ppid
  echo "$1"
  for stat in /proc/[0-9]*/stat; do
    ppid=$(awk '{ sub(/^.*\) /, ""); print $2 }' "$stat" 2>/dev/null || true)
    [ "$ppid" = "$1" ] && basename "$(dirname "$stat")"
  done
}
# nginx's master and its workers.
mapfile -t NGINX_PIDS < <(children_of "$NGINX_PID")
# What serves fabrique's pages: the node(s), and the load balancer and PostgreSQL when used.
SERVER_PIDS=("$FABRIQUE_PID")
[ -n "$FABRIQUE2_PID" ] && SERVER_PIDS+=("$FABRIQUE2_PID")
[ -n "$PROXY_PID" ] && mapfile -t -O "${#SERVER_PIDS[@]}" SERVER_PIDS < <(children_of "$PROXY_PID")
if [ "$ENGINE" = postgresql ]; then
  # PostgreSQL's connection processes are started on demand: list them now that the pages were fetched.
  mapfile -t -O "${#SERVER_PIDS[@]}" SERVER_PIDS < <(children_of "$(head -n 1 "$PG_CLUSTER_DIR/data/postmaster.pid")")
fi

# % of the machine that other processes use while ours are idle, over 2 s.
others_idle_pct() {
  local b0 t0 b1 t1
  read -r b0 t0 < <(machine_ticks)
  sleep 2
  read -r b1 t1 < <(machine_ticks)
  awk -v b=$((b1 - b0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.0f", (t > 0 ? 100 * b / t : 0) }'
}

wait_for_load() {  # before a pass: the 1-minute load average below $MAX_LOAD, polling every 15 s
  local waited=0
  while ! below "$(load1)" "$MAX_LOAD" && [ "$waited" -lt "$LOAD_WAIT" ]; do
    log "load average $(load1) ≥ $MAX_LOAD: waiting (${waited}s of at most ${LOAD_WAIT}s)"
    sleep 15
    waited=$((waited + 15))
  done
}

wait_for_quiet() {  # before a measurement: other processes below $QUIET_CPU % of the machine
  local waited=0 busy
  while busy=$(others_idle_pct); [ "$busy" -gt "$QUIET_CPU" ] && [ "$waited" -lt "$QUIET_WAIT" ]; do
    log "other processes use $busy % of the machine: waiting (${waited}s of at most ${QUIET_WAIT}s)"
    sleep 13
    waited=$((waited + 15))
  done
}

run_wrk() {  # run_wrk PASS CASE ENCODING SERVER
  local pass=$1 i=$2 enc=$3 server=$4 out=$TMP/wrk.out url
  local -a header=() pids=("${SERVER_PIDS[@]}")
  [ "$enc" = gzip ] && header+=(-H 'Accept-Encoding: gzip')
  [ -n "${COOKIES[$i]}" ] && header+=(-H "${COOKIES[$i]}")
  if [ "$server" = nginx ]; then pids=("${NGINX_PIDS[@]}"); url=$NGINXURL${NPATHS[$i]}; else url=$FABRIQUE${FPATHS[$i]}; fi
  # A short warm-up (connections, caches, page cache), then the measured run.
  timeout 30 wrk -t"$THREADS" -c"$CONNECTIONS" -d2s "${header[@]}" "$url" >/dev/null 2>&1 || true
  local load ticks_before ticks_after wrk_before wrk_after mb0 mt0 mb1 mt1
  load=$(load1)
  ticks_before=$(cpu_ticks "${pids[@]}")
  read -r mb0 mt0 < <(machine_ticks)
  read_children_ticks
  wrk_before=$CHILD_TICKS
  timeout 60 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${header[@]}" "$url" >"$out" 2>&1 ||
    { cat "$out" >&2; die "wrk failed against $url"; }
  read_children_ticks
  wrk_after=$CHILD_TICKS
  read -r mb1 mt1 < <(machine_ticks)
  ticks_after=$(cpu_ticks "${pids[@]}")
  local rps p50 p99 errors requests cpu_us others
  rps=$(awk '/^Requests\/sec:/ {print $2}' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out")")
  requests=$(awk '$2 == "requests" && $3 == "in" {print $1}' "$out")
  # Server CPU per request: steadier than req/s when something else shares the machine.
  cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$CLK_TCK" -v n="${requests:-0}" \
    'BEGIN { if (n > 0) printf "%.0f", t * 1e6 / hz / n; else print "n/a" }')
  # What the rest of the machine used meanwhile (busy ticks minus the server's and wrk's), in % of it.
  others=$(awk -v b=$((mb1 - mb0)) -v t=$((mt1 - mt0)) -v s=$((ticks_after - ticks_before)) -v w=$((wrk_after - wrk_before)) \
    'BEGIN { o = b - s - w; if (o < 0) o = 0; printf "%.0f", (t > 0 ? 100 * o / t : 0) }')
  errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s%s", sep, $0; sep = "; "}' "$out")
  # fabrique's peak RSS so far, to see which page makes it grow.
  hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$FABRIQUE_PID/status")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$pass" "$i" "$enc" "$server" "$rps" "$p50" "$p99" "${errors:-}" \
    "$cpu_us" "$load" "$others" "$hwm" >>"$RESULTS"
  log "$(printf 'pass %s %-32s %-8s %-8s %9s req/s  p50 %7s ms  p99 %7s ms  %5s µs CPU/req  load %s  others %s%%  VmHWM %s MB %s' \
    "$pass" "${NAMES[$i]}" "$enc" "$server" "$rps" "$p50" "$p99" "$cpu_us" "$load" "$others" "$((hwm / 1024))" "${errors:-}")"
}

RESULTS=$TMP/results.tsv
: >"$RESULTS"
declare -A PASS_LOAD_START PASS_LOAD_END PASS_START PASS_HWM
for pass in $(seq "$PASSES"); do
  wait_for_load
  PASS_LOAD_START[$pass]=$(cut -d' ' -f1-3 /proc/loadavg)
  PASS_START[$pass]=$(date -u '+%H:%M')
  log "pass $pass/$PASSES at ${PASS_START[$pass]} UTC, load average ${PASS_LOAD_START[$pass]}"
  [ "$HWM_RESETS" = 1 ] && reset_hwm
  for enc in "${ENCODINGS[@]}"; do
    for i in "${!NAMES[@]}"; do
      wait_for_quiet
      run_wrk "$pass" "$i" "$enc" fabrique
      run_wrk "$pass" "$i" "$enc" nginx
    done
  done
  PASS_LOAD_END[$pass]=$(cut -d' ' -f1-3 /proc/loadavg)
  PASS_HWM[$pass]=$(awk '/^VmHWM:/ {print $2}' "/proc/$FABRIQUE_PID/status")
done
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$FABRIQUE_PID/status")

# ---------------------------------------------------------------------------------------------
# 6. Report (Markdown).

size_of() { wc -c <"$1" | tr -d ' '; }
echo
echo "## fabrique vs nginx — $(date -u '+%Y-%m-%d') UTC"
echo
echo "Machine: $NCPU cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)," \
  "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM."
echo "Data (BENCH_SCALE=$BENCH_SCALE): $COUNTS; $TERRITORIES_NOTE. Database $DB_MB MB, generated in $GEN_SECONDS s."
echo "Coalition measured: \`/coalitions/$SLUG\` (median booklet: $BOOKLET_BYTES bytes of Markdown in 10 sections; 50 revisions)."
echo "Client: wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency after a 2 s warm-up, on the same machine (client and server share the cores)."
echo "Set-up measured as \"fabrique\": $SETUP_NOTE.${COPY_NOTE:+ Data $COPY_NOTE.}"
echo "fabrique: $THREADS threads, --log_requests false. nginx $("$NGINX" -v 2>&1 | sed 's|.*nginx/||'): $THREADS workers," \
  "access_log off, static files$([ "$HAS_GZIP_STATIC" = 1 ] && echo ", gzip_static on (the .gz bytes fabrique sent)" || echo "; gzip_static unavailable, uncompressed case only")."
echo "Response header bytes (home, plain): $HEADER_NOTE. \"load\" is the 1-minute load average when the run started (our own previous runs add to it);"
echo "\"others\" is the CPU that processes other than the server and wrk used during the run, in % of the machine."

missed=0
check() {  # check DESCRIPTION OK(0/1)
  if [ "$2" = 1 ]; then echo "- PASS: $1"; else echo "- MISS: $1"; missed=1; fi
}
for pass in $(seq "$PASSES"); do
  echo
  echo "### Pass $pass of $PASSES (${PASS_START[$pass]} UTC; load average ${PASS_LOAD_START[$pass]} at the start, ${PASS_LOAD_END[$pass]} at the end)"
  echo
  echo "| page | encoding | body bytes | server | req/s | p50 ms | p99 ms | server CPU µs/req | fabrique ÷ nginx | load | others % |"
  echo "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---:|"
  for enc in "${ENCODINGS[@]}"; do
    for i in "${!NAMES[@]}"; do
      f=$ROOT/${FILES[$i]}
      [ "$enc" = gzip ] && f=$f.gz
      awk -F'\t' -v pass="$pass" -v i="$i" -v enc="$enc" -v name="${NAMES[$i]}" -v bytes="$(size_of "$f")" '
        $1 == pass && $2 == i && $3 == enc { rps[$4] = $5; p50[$4] = $6; p99[$4] = $7; err[$4] = $8; cpu[$4] = $9; load[$4] = $10; oth[$4] = $11 }
        END {
          ratio = rps["nginx"] > 0 ? sprintf("**%.2f×**", rps["fabrique"] / rps["nginx"]) : "n/a"
          for (s = 1; s <= 2; s++) {
            srv = s == 1 ? "fabrique" : "nginx"
            printf "| %s | %s | %d | %s | %.0f | %s | %s | %s | %s | %s | %s |\n", (s == 1 ? name : ""), (s == 1 ? enc : ""), bytes, srv,
              rps[srv], p50[srv], p99[srv], cpu[srv], (s == 1 ? ratio : "") (err[srv] != "" ? " (" err[srv] ")" : ""), load[srv], oth[srv]
          }
        }' "$RESULTS"
    done
  done
  hwm=${PASS_HWM[$pass]}
  echo
  echo "fabrique peak RSS (VmHWM) $([ "$HWM_RESETS" = 1 ] && echo "during this pass" || echo "since start (could not reset it)"): $((hwm / 1024)) MB ($hwm kB)." \
    "VmHWM after each fabrique run, MB: $(awk -F'\t' -v pass="$pass" -v names="$(IFS='|'; echo "${NAMES[*]}")" '
      BEGIN { split(names, name, "|") }
      $1 == pass && $4 == "fabrique" { printf "%s%s %s %d", sep, name[$2 + 1], $3, $12 / 1024; sep = ", " }' "$RESULTS")."
  echo
  echo "Targets (pass $pass):"
  for i in "${!NAMES[@]}"; do
    [ -n "${TARGETS[$i]}" ] || continue
    for enc in "${ENCODINGS[@]}"; do
      read -r ratio p99 < <(awk -F'\t' -v pass="$pass" -v i="$i" -v enc="$enc" '
        $1 == pass && $2 == i && $3 == enc { r[$4] = $5; if ($4 == "fabrique") p = $7 }
        END { printf "%.2f %s\n", (r["nginx"] > 0 ? r["fabrique"] / r["nginx"] : 0), p }' "$RESULTS")
      check "${NAMES[$i]} ($enc): req/s ≥ ${TARGET_RATIO}× nginx (${ratio}×)" \
        "$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? 1 : 0 }')"
      check "${NAMES[$i]} ($enc): p99 ≤ ${TARGET_P99_MS} ms at $CONNECTIONS connections ($p99 ms)" \
        "$(awk -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { print (p <= t) ? 1 : 0 }')"
    done
  done
  check "fabrique peak RSS ≤ ${TARGET_RSS_MB} MB under load ($((hwm / 1024)) MB)" "$([ "$hwm" -le $((TARGET_RSS_MB * 1024)) ] && echo 1 || echo 0)"
done
echo
echo "Memory: RSS $((RSS_START_KB / 1024)) MB at start; peak $((SETUP_HWM_KB / 1024)) MB ($SETUP_HWM_KB kB) over start-up, one sign-in and the first renders; $((RSS_KB / 1024)) MB after all runs."
check "fabrique peak RSS ≤ ${TARGET_RSS_MB} MB including one sign-in ($((SETUP_HWM_KB / 1024)) MB)" \
  "$([ "$SETUP_HWM_KB" -le $((TARGET_RSS_MB * 1024)) ] && echo 1 || echo 0)"

if [ "$missed" = 1 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then exit 1; fi
exit 0
