#!/usr/bin/env bash
# The mixed run of issue #20: visitors, members and writes at once, with the page cache on, and no
# stale page ever served after its change was acknowledged.
#
#   bash bench/mixed.sh [BUILD_DIR]        (default: $BUILD or build; uses BUILD_DIR/fabrique, builds nothing)
#
# 1. Generates the programme (bench/generate.sh, BENCH_SCALE), and BENCH_WRITERS (8) writer accounts, each
#    a co-porteur of its own coalition, signed in through the site; their CSRF fields are read from a
#    page (stable with their browser cookie).
# 2. Starts fabrique (BENCH_THREADS threads, 2; the page cache on, as in production) and runs wrk
#    (-t BENCH_THREADS -c BENCH_CONNECTIONS -d BENCH_DURATION) with bench/mixed.lua: out of 100
#    requests, 85 anonymous GETs spread over 200 pages (coalitions, events, organisations, resources,
#    observatory entries, datasets and the lists), 10 GETs signed in as a writer (coalition and event
#    pages, the dashboard, /compte), and 5 POSTs: registrations to events and interest declarations.
#    Booklet saves need the revision the form was read at, which wrk cannot follow: they run in the
#    staleness loop below. Sign-ins (POST /connexion: Argon2id, ≈ 16 ms of CPU on purpose) run beside
#    the mix at a steady BENCH_SIGNIN_RATE a second (5): inside wrk's closed loop, 1 % of sign-ins would
#    tie the whole mix's rate to the hashing threads' (at 0.5× nginx, ≈ 430 sign-ins a second, seven
#    cores of hashing), which measures the password hash, not the site. Their count and latency are
#    reported apart.
# 3. Meanwhile, a loop with curl checks staleness: a writer saves its booklet with a new marker (reading
#    the edit form for its revision and CSRF field), and once the save is acknowledged (303), a visitor's
#    GET of the coalition page must show the marker; likewise a registration (to events the mix does not
#    reach), then the numbers of people registered and waiting that a visitor reads in the event's JSON
#    document. Every BENCH_CHECK_INTERVAL seconds (0.5). Any stale page is reported (and BENCH_STRICT=1
#    fails).
# 4. nginx (same workers) serves the 200 anonymous pages' bytes, and wrk runs the same GET mix on it
#    (bench/mixed.lua with MIXED_NGINX=1: the 85 anonymous GETs only): the visitors' throughput is
#    compared with it (issue #20: ≥ 0.5×).
# 5. Prints a Markdown report on stdout, with the load average (figures from a loaded machine are not
#    the result).
# Scale-out, as in bench/run.sh: BENCH_DATABASE=postgresql copies the generated programme (`fabrique
# copy`) into a throwaway PostgreSQL cluster and serves it from there; BENCH_NODES=2 starts two nodes on
# it behind nginx as a round-robin load balancer (docs/deploy.md), and the mix goes through the balancer.
set -euo pipefail

BUILD_DIR=${1:-${BUILD:-build}}
BIN=$BUILD_DIR/fabrique
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
THREADS=${BENCH_THREADS:-2}
CONNECTIONS=${BENCH_CONNECTIONS:-64}
DURATION=${BENCH_DURATION:-20s}
WRITERS=${BENCH_WRITERS:-8}
CHECK_INTERVAL=${BENCH_CHECK_INTERVAL:-0.5}
SIGNIN_RATE=${BENCH_SIGNIN_RATE:-5}  # password sign-ins a second, beside the mix
NGINX=${NGINX:-nginx}
ENGINE=${BENCH_DATABASE:-sqlite}
NODES=${BENCH_NODES:-1}
TARGET_RATIO=0.5  # issue #20: visitors' throughput in the mixed run ≥ 0.5× nginx on the same GET mix

die() { echo "bench: $*" >&2; exit 1; }
log() { echo "bench: $*" >&2; }

[ "$NODES" = 1 ] || [ "$NODES" = 2 ] || die "BENCH_NODES must be 1 or 2"
[ "$NODES" = 1 ] || [ "$ENGINE" = postgresql ] || die "two nodes need BENCH_DATABASE=postgresql"
[ -x "$BIN" ] || die "$BIN not found: build first (make build, or cmake --build $BUILD_DIR --target fabrique)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in wrk curl sqlite3 awk "$NGINX"; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed (make deps installs it)"
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-mixed.XXXXXX")
# The mails the mix sends (a confirmation per registration, hundreds a second) are written as .eml
# files: in memory when the machine has a tmpfs, since on a disk's file system creating each file
# cost more than the mail (ext4's inode allocation was three quarters of the sender's CPU), which
# measures the disk, not the site; in production they go to an SMTP server.
NODE_MAIL_ROOT=$TMP
if [ -d /dev/shm ] && [ -w /dev/shm ]; then NODE_MAIL_ROOT=$(mktemp -d /dev/shm/fabrique-mixed-mail.XXXXXX); fi
SITE_PIDS=()
SITE_BALANCER=
NGINX_PID=
CHECKER_PID=
SIGNIN_PID=
source "$HERE/../scripts/pg-cluster.sh"
source "$HERE/../scripts/nodes.sh"  # stop_pid, start_site, start_static
source "$HERE/generate.sh"          # generate_programme, add_bench_reader, sign_in

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$CHECKER_PID"
  stop_pid "$SIGNIN_PID"
  stop_site
  stop_pid "$NGINX_PID"
  pg_cluster_stop
  [ "$NODE_MAIL_ROOT" = "$TMP" ] || rm -rf "$NODE_MAIL_ROOT"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------
# 1. Data, writers and pages.

DB=$TMP/fabrique.db
generate_programme "$DB"
printf '%s\n' "$BENCH_PASSWORD" >"$TMP/password"
for w in $(seq "$WRITERS"); do
  "$BIN" user add --email "bench-writer-$w@example.org" --name "Bench Writer $w" --password-file "$TMP/password" \
    --database "$DB" >"$TMP/user.log" 2>&1 || { cat "$TMP/user.log" >&2; die "user add failed"; }
done
# Writer w: member of organisation w, co-porteur of coalition w (a coalition no one else edits here).
sqlite3 -bail "$DB" "PRAGMA foreign_keys = ON; BEGIN;
  INSERT INTO user_organisations (user_id, organisation_id, created_at)
    SELECT u.id, CAST(substr(u.email, 14, instr(u.email, '@') - 14) AS INTEGER), u.created_at FROM users u WHERE u.email LIKE 'bench-writer-%';
  INSERT INTO coalition_members (coalition_id, user_id, role, created_at)
    SELECT CAST(substr(u.email, 14, instr(u.email, '@') - 14) AS INTEGER), u.id, 'co-porteur', u.created_at FROM users u
    WHERE u.email LIKE 'bench-writer-%'
      AND NOT EXISTS (SELECT 1 FROM coalition_members m WHERE m.coalition_id = CAST(substr(u.email, 14, instr(u.email, '@') - 14) AS INTEGER) AND m.user_id = u.id);
  $COUNT_MEMBERS
  COMMIT;"

# The 200 anonymous pages: 80 coalitions, 40 events, 20 organisations, 20 resources, 15 observatory
# entries, 15 datasets, and 10 lists.
sqlite3 "$DB" "
  SELECT '/coalitions/' || slug FROM coalitions ORDER BY (id * 7919) % 1000003 LIMIT 80;
  SELECT '/evenements/' || slug FROM events ORDER BY (id * 7919) % 1000003 LIMIT 40;
  SELECT '/organisations/' || slug FROM organisations ORDER BY (id * 7919) % 1000003 LIMIT 20;
  SELECT '/ressources/' || slug FROM resources WHERE status = 'published' ORDER BY (id * 7919) % 1000003 LIMIT 20;
  SELECT '/observatoire/' || slug FROM observatory_entries ORDER BY (id * 7919) % 1000003 LIMIT 15;
  SELECT '/donnees/' || slug FROM datasets ORDER BY (id * 7919) % 1000003 LIMIT 15;" >"$TMP/anonymous.txt"
printf '%s\n' / /coalitions /evenements /organisations /ressources /journal /donnees /decisions /boussole /charte >>"$TMP/anonymous.txt"
[ "$(wc -l <"$TMP/anonymous.txt")" = 200 ] || die "the generated programme has fewer than the 200 pages of the mix: BENCH_SCALE must be 0.1 or more"
# In a file: at scale 5 their slugs are more than one environment variable may hold.
sqlite3 "$DB" "SELECT slug FROM events WHERE starts_at > strftime('%s', 'now') AND status = 'confirmed' ORDER BY id" >"$TMP/events.txt"
[ -s "$TMP/events.txt" ] || die "no future event to register to"

serve_from "$ENGINE" "$DB"
NODE_THREADS=$THREADS
# wrk's connections and the staleness loop's all come from 127.0.0.1: allow them all.
NODE_OPTIONS=(--max_connections_per_address $((CONNECTIONS + 16)) --trusted_proxies 127.0.0.1)
BALANCER_WORKERS=$THREADS
start_site "$NODES" "$SERVE_DB" "${NODE_OPTIONS[@]}" || die "fabrique did not start"
URL=$SITE_URL
SETUP_NOTE="one node on $ENGINE ($THREADS threads, page cache on)"
[ "$NODES" = 2 ] && SETUP_NOTE="two nodes on $ENGINE ($THREADS threads each, page cache on) behind nginx as a round-robin load balancer ($THREADS workers)"
log "$SETUP_NOTE on $URL"

# Writers signed in: their cookie header and CSRF field, one line each ("cookie|csrf|coalition slug").
: >"$TMP/writers.txt"
for w in $(seq "$WRITERS"); do
  sign_in "$URL" "bench-writer-$w@example.org"
  slug=$(sqlite3 "$DB" "SELECT slug FROM coalitions WHERE id = $w")
  csrf=$(curl -sS --max-time 10 -H "$SIGNED_COOKIE" "$URL/coalitions/$slug" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  [ -n "$csrf" ] || die "no CSRF field on the coalition page of writer $w"
  printf '%s|%s|%s\n' "${SIGNED_COOKIE#Cookie: }" "$csrf" "$slug" >>"$TMP/writers.txt"
done
# A browser that signs in again and again (its own cookie and CSRF field from /connexion).
SIGNIN_JAR=$TMP/signin.jar
SIGNIN_CSRF=$(curl -sS --max-time 10 -c "$SIGNIN_JAR" "$URL/connexion" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
SIGNIN_BROWSER=$(awk '$6 == "fabrique_browser" {print $7}' "$SIGNIN_JAR")
[ -n "$SIGNIN_CSRF" ] && [ -n "$SIGNIN_BROWSER" ] || die "no CSRF field on /connexion"

for p in $(cat "$TMP/anonymous.txt"); do
  code=$(curl -sS -o /dev/null --max-time 10 -w '%{http_code}' "$URL$p")
  [ "$code" = 200 ] || die "GET $p answered $code"
done

# ---------------------------------------------------------------------------------------------
# 2 and 3. The mixed run, and the staleness loop beside it.

registered() {  # registered EVENT_SLUG: "REGISTERED WAITING", from the database served
  local sql="SELECT COUNT(*) FILTER (WHERE r.status = 'registered'), COUNT(*) FILTER (WHERE r.status = 'waiting')
    FROM registrations r JOIN events e ON e.id = r.event_id WHERE e.slug = '$1'"
  if [ "$ENGINE" = postgresql ]; then psql "$SERVE_DB" -X -A -t -F ' ' -c "$sql"; else sqlite3 -separator ' ' "$DB" "$sql"; fi
}

check_loop() {  # writes one line per check to $TMP/checks.txt: "kind ok|STALE detail"
  local n=0 cookie csrf slug edit base marker code page ev before after
  IFS='|' read -r cookie csrf slug <"$TMP/writers.txt"
  local -a events
  mapfile -t events <"$TMP/events.txt"
  while :; do
    n=$((n + 1))
    # A booklet save by writer 1, then what a visitor gets.
    edit=$(curl -sS --max-time 30 -H "Cookie: $cookie" "$URL/coalitions/$slug/modifier")
    base=$(sed -n 's/.*name="base_revision" value="\([0-9]*\)".*/\1/p' <<<"$edit" | head -1)
    marker="marqueur-$$-$n"
    code=$(curl -sS -o /dev/null --max-time 30 -w '%{http_code}' -H "Cookie: $cookie" \
      --data-urlencode "csrf=$csrf" --data-urlencode "base_revision=$base" \
      --data-urlencode "intention=Intention relue ($marker)." --data-urlencode "comment=banc d’essai" \
      "$URL/coalitions/$slug/modifier")
    if [ "$code" = 303 ]; then
      page=$(curl -sS --max-time 30 "$URL/coalitions/$slug")
      if grep -q "$marker" <<<"$page"; then echo "booklet ok" >>"$TMP/checks.txt"
      else echo "booklet STALE /coalitions/$slug lacks $marker after its save was acknowledged" >>"$TMP/checks.txt"; fi
    else
      echo "booklet refused $code (base revision $base)" >>"$TMP/checks.txt"
    fi
    # A registration by writer 1 to the next event, then the numbers registered and waiting a visitor
    # sees. From the last event backwards: the mix registers writer 1 from the first event onwards.
    ev=${events[$((${#events[@]} - 1 - n % ${#events[@]}))]}
    before=$(registered "$ev")
    code=$(curl -sS -o /dev/null --max-time 30 -w '%{http_code}' -H "Cookie: $cookie" --data-urlencode "csrf=$csrf" \
      "$URL/evenements/$ev/inscription")
    after=$(registered "$ev")
    if [ "$code" = 303 ] && [ "$after" != "$before" ]; then
      page=$(curl -sS --max-time 30 "$URL/evenements/$ev.json")
      if grep -q "\"registered\":${after% *}[,}]" <<<"$page" && grep -q "\"waiting\":${after#* }[,}]" <<<"$page"; then
        echo "registration ok" >>"$TMP/checks.txt"
      else
        echo "registration STALE /evenements/$ev.json does not say $after registered and waiting (was $before)" >>"$TMP/checks.txt"
      fi
    else
      echo "registration not counted (answered $code; registered and waiting $before then $after)" >>"$TMP/checks.txt"
    fi
    sleep "$CHECK_INTERVAL"
  done
}

signin_loop() {  # one sign-in every 1/SIGNIN_RATE s, beside the mix: "status seconds" a line in $TMP/signins.txt
  local pause
  pause=$(awk -v r="$SIGNIN_RATE" 'BEGIN { printf "%.3f", 1 / r }')
  while :; do
    curl -sS -o /dev/null --max-time 30 -w '%{http_code} %{time_total}\n' -b "$SIGNIN_JAR" \
      --data-urlencode "csrf=$SIGNIN_CSRF" --data-urlencode "email=bench-writer-1@example.org" \
      --data-urlencode "password=$BENCH_PASSWORD" "$URL/connexion" >>"$TMP/signins.txt" || true
    sleep "$pause"
  done
}

run_wrk() {  # run_wrk URL LABEL [MIXED_NGINX]: wrk with mixed.lua, its output in $TMP/wrk-LABEL.out
  local url=$1 label=$2
  MIXED_DIR=$TMP MIXED_NGINX=${3:-0} MIXED_WRITERS=$WRITERS MIXED_THREADS=$THREADS \
    timeout 300 wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/mixed.lua" "$url" \
    >"$TMP/wrk-$label.out" 2>&1 || { cat "$TMP/wrk-$label.out" >&2; die "wrk failed against $url"; }
}

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
WHEN=$(date -u '+%Y-%m-%d %H:%M')
: >"$TMP/checks.txt"
check_loop &
CHECKER_PID=$!
: >"$TMP/signins.txt"
signin_loop &
SIGNIN_PID=$!
log "mixed run: wrk -t$THREADS -c$CONNECTIONS -d$DURATION against fabrique, staleness checks every ${CHECK_INTERVAL}s"
run_wrk "$URL" fabrique
stop_pid "$CHECKER_PID"
CHECKER_PID=
stop_pid "$SIGNIN_PID"
SIGNIN_PID=
rss_anon_mb() { awk '$1 == "RssAnon:" { printf "%d MB", $2 / 1024 }' "/proc/$1/status"; }
ANON=
for pid in "${SITE_PIDS[@]}"; do ANON+="${ANON:+ and }$(rss_anon_mb "$pid")"; done

# ---------------------------------------------------------------------------------------------
# 4. nginx serving the anonymous pages' bytes, and the same anonymous GET mix.

mkdir -p "$TMP/www"
i=0
while read -r p; do
  i=$((i + 1))
  curl -sS --max-time 10 -o "$TMP/www/$i" "$URL$p"
done <"$TMP/anonymous.txt"
stop_site
pg_cluster_stop
locations=
i=0
while read -r p; do i=$((i + 1)); locations+="    location = $p { rewrite ^ /$i break; }"$'\n'; done <"$TMP/anonymous.txt"
locations+="    location / { return 404; }"
STATIC_WORKERS=$THREADS
start_static "$TMP/www" "$locations" || die "nginx did not start"
NGINX_PID=$STATIC_PID
NPORT=$STATIC_PORT
run_wrk "http://127.0.0.1:$NPORT" nginx 1
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------------------------------------
# 5. Report.

rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
pct() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }
mix_line() { sed -n 's/^mix: //p' "$1"; }
F_RPS=$(rps "$TMP/wrk-fabrique.out")
N_RPS=$(rps "$TMP/wrk-nginx.out")
ANON_RPS=$(awk -v r="$F_RPS" 'BEGIN { printf "%.0f", r * 0.85 }')
RATIO=$(awk -v a="$ANON_RPS" -v n="$N_RPS" 'BEGIN { printf "%.2f", (n > 0 ? a / n : 0) }')
checks=$(grep -c ' ok$\| STALE ' "$TMP/checks.txt" || true)  # the acknowledged changes checked
stale=$(grep -c ' STALE ' "$TMP/checks.txt" || true)
echo
echo "## Mixed run — $WHEN UTC"
echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo); load average $LOAD_START at the start, $LOAD_END at the end"
echo "(figures taken while it is well above 0 were measured on a shared machine and are not the result)."
echo "Data (BENCH_SCALE=$BENCH_SCALE): $COUNTS${COPY_NOTE:+; $COPY_NOTE}. fabrique: $SETUP_NOTE. wrk -t$THREADS -c$CONNECTIONS -d$DURATION -s bench/mixed.lua."
echo "Mix: 85 % anonymous GETs over 200 pages, 10 % GETs signed in as one of $WRITERS writers, 5 % POSTs (3 % registrations, 2 % interest declarations); booklet saves and registrations in the staleness loop; sign-ins beside it."
echo
echo "| server | requests | req/s | p50 | p99 | errors | mix sent |"
echo "|---|---:|---:|---:|---:|---|---|"
for s in fabrique nginx; do
  f=$TMP/wrk-$s.out
  echo "| $s | $(awk '$2 == "requests" && $3 == "in" { print $1 }' "$f") | $(rps "$f") | $(pct "$f" 50%) | $(pct "$f" 99%) |" \
    "$(awk '/Non-2xx|Socket errors/ { sub(/^ +/, ""); printf "%s%s", sep, $0; sep = "; " }' "$f") | $(mix_line "$f") |"
done
echo
echo "Answers to fabrique's POSTs (status: count): $(sed -n 's/^posts: //p' "$TMP/wrk-fabrique.out")."
echo "Sign-ins beside the mix (${SIGNIN_RATE} a second asked): $(sort -n -k2 "$TMP/signins.txt" | awk '{ n++; c[$1]++; t[n] = $2 } END {
  if (n == 0) { print "none"; exit }
  printf "%d sent, p50 %.0f ms, max %.0f ms; answers:", n, t[int((n + 1) / 2)] * 1000, t[n] * 1000
  for (k in c) printf " %s × %d", k, c[k] }')."
echo "fabrique's RssAnon after the run: $ANON."
ok=$(awk -v r="$RATIO" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? 1 : 0 }')
echo "- $([ "$ok" = 1 ] && echo PASS || echo MISS): visitors' throughput ≥ ${TARGET_RATIO}× nginx on the same GET mix" \
  "(85 % of $F_RPS = $ANON_RPS req/s against nginx's $N_RPS: ${RATIO}×)"
echo "- $([ "$stale" = 0 ] && [ "$checks" -gt 0 ] && echo PASS || echo MISS): no stale page after an acknowledged change" \
  "($checks acknowledged changes checked during the run, $stale stale; all checks: $(awk '{ k = $1 " " $2; n[k]++ } END { for (k in n) { printf "%s%s × %d", sep, k, n[k]; sep = ", " } }' "$TMP/checks.txt"))"
grep 'STALE\|refused\|not counted' "$TMP/checks.txt" | sort | uniq -c | head -5 | sed 's/^/  - /'
if { [ "$ok" != 1 ] || [ "$stale" != 0 ]; } && [ "${BENCH_STRICT:-0}" = 1 ]; then exit 1; fi
exit 0
