#!/usr/bin/env bash
# A realistic mix of visitors and members (page reads, sign-ins, booklet saves, event registrations)
# runs against one node on SQLite while faults come and go: the disk under the database fills up,
# another program holds the database's write lock, and the node is killed with SIGKILL and started
# again. Wanted, whatever the fault: a write refused says so (503 with Retry-After, never a 500); none
# is half-done; every write acknowledged (303) is in the database, and none refused is; visitors' pages
# keep answering; and writes succeed again as soon as the fault is gone.
#
# Usage: tests/faults/faults_test.sh PATH/TO/fabrique   (run by ctest as `faults`)
# The full disk is a small tmpfs mounted over the database's folder, which needs root (as in CI);
# without it the test says why and is skipped (exit 77).
set -uo pipefail

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/../multinode/lib.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-faults.XXXXXX")
DIR=$TMP/db
mkdir -p "$DIR"
if ! mount -t tmpfs -o size=16m tmpfs "$DIR" 2>"$TMP/mount.err"; then
  echo "faults: cannot mount a small tmpfs for the database ($(cat "$TMP/mount.err")); run as root"
  rm -rf "$TMP"
  exit 77
fi
NODE_PID= HOLDER_PID=
WORKERS=()
cleanup() {
  local rc=$?
  [ "${#WORKERS[@]}" -gt 0 ] && kill "${WORKERS[@]}" 2>/dev/null
  stop_pid "$HOLDER_PID"
  stop_pid "$NODE_PID"
  umount "$DIR" 2>/dev/null
  if [ "${KEEP_TMP:-0}" = 1 ]; then echo "faults: kept $TMP"; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "faults: $*" >&2; exit 1; }
started_at=$(date +%s)

DB=$DIR/site.db
sql() { sqlite3 -cmd ".timeout 5000" "$DB" "$1"; }
"$BIN" migrate --database "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migrate failed"; }
"$BIN" demo load --database "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log"; die "demo load failed"; }
PASSWORD=demo-fabrique-2021
ANIMATEUR=animateur@demo.fabrique

NODE_OPTIONS=(--sign_ups_per_address 100)
start_node a "$DB" "${NODE_OPTIONS[@]}" || die "the node did not start"
NODE_PID=$NODE_PID PORT=$NODE_PORT BASE=http://127.0.0.1:$NODE_PORT
echo "faults: node on $PORT, database on a 16 MB tmpfs at $DIR"

# ---------------------------------------------------------------------------------------------
# The people: the animateur (booklet saves), four members (registrations), one who signs in and out.

anim=$TMP/animateur
expect_eq "the animateur signs in" 303 "$(sign_in "$anim" "$BASE" "$ANIMATEUR" "$PASSWORD")"
ANIM_CSRF=$(csrf_of "$anim" "$BASE/compte")
mapfile -t SLUGS < <(sql "SELECT slug FROM coalitions ORDER BY id LIMIT 3")
now=$(date +%s)
EVENTS=400  # more than a member can register to in the whole test
sql "WITH RECURSIVE n(e) AS (SELECT 1 UNION ALL SELECT e + 1 FROM n WHERE e < $EVENTS)
     INSERT INTO events (slug, kind_id, title, starts_at, ends_at, capacity, created_at, updated_at)
     SELECT 'panne-' || e, (SELECT MIN(id) FROM event_kinds), 'Atelier ' || e, $((now + 30 * 86400)),
            $((now + 30 * 86400 + 7200)), 100, $now, $now FROM n"

for m in 1 2 3 4; do
  expect_eq "member $m signs up" 303 "$(sign_up "$TMP/member$m" "$BASE" "Membre $m" "membre$m@faults.example")"
done
expect_eq "the one who comes and goes signs up" 303 "$(sign_up "$TMP/visitor" "$BASE" "Passant" passant@faults.example)"

# ---------------------------------------------------------------------------------------------
# The mix. Each worker loops until $TMP/stop exists and writes one line per request to its log: the
# phase the request was sent and answered in ("full", or "full>after-full" for one that straddled two),
# the status, and what was written.

# A browser waits for an answer far longer than 15 s: while the database is locked, writes queue for the
# writers' threads and each waits up to 5 s for the lock, so an answer may take a while; it must come.
export POST_MAX_TIME=60

phase() { echo "$1" >"$TMP/phase.next" && mv "$TMP/phase.next" "$TMP/phase"; echo "faults: phase $1 ($(( $(date +%s) - started_at )) s)"; }
phase normal
current_phase() { cat "$TMP/phase"; }
# label PHASE: PHASE when the request just answered was sent and answered in it, else "PHASE>NOW".
label() { local now; now=$(current_phase); [ "$now" = "$1" ] && echo "$1" || echo "$1>$now"; }
revision() { sql "SELECT booklet_revision FROM coalitions WHERE slug = '$1'"; }

booklet_writer() {  # booklet_writer N SLUG
  local n=$1 slug=$2 k=0 code base p text
  base=$(revision "$slug")
  while [ ! -e "$TMP/stop" ]; do
    k=$((k + 1)) p=$(current_phase) text="panne $n.$k"
    code=$(POST_SHARED=1 POST_OUT=$TMP/w$n.html post "$anim" "$BASE/coalitions/$slug/modifier" \
      --data-urlencode "csrf=$ANIM_CSRF" --data-urlencode "base_revision=$base" --data-urlencode "victoires=$text" \
      --data-urlencode "comment=charge")
    echo "$(label "$p") $code $text" >>"$TMP/booklet$n.log"
    [ "$code" = 503 ] && cp "$TMP/w$n.html" "$TMP/refused.html"
    if [ "$code" = 303 ]; then base=$((base + 1)); else base=$(revision "$slug"); fi
    [ "$code" = 000 ] && sleep 0.2
  done
}

registrant() {  # registrant M: member M registers to each event in turn, whatever the answer
  local m=$1 e=0 code p csrf
  csrf=$(csrf_of "$TMP/member$m" "$BASE/compte")
  while [ ! -e "$TMP/stop" ] && [ "$e" -lt "$EVENTS" ]; do
    e=$((e + 1)) p=$(current_phase)
    code=$(POST_SHARED=1 POST_OUT=/dev/null post "$TMP/member$m" "$BASE/evenements/panne-$e/inscription" \
      --data-urlencode "csrf=$csrf")
    echo "$(label "$p") $code panne-$e" >>"$TMP/registrant$m.log"
    [ "$code" = 000 ] && sleep 0.2
    sleep 0.1
  done
}

comer_and_goer() {  # signs in and out in a loop, each time from a new browser
  local code p csrf
  while [ ! -e "$TMP/stop" ]; do
    p=$(current_phase)
    rm -f "$TMP/visitor"
    code=$(sign_in "$TMP/visitor" "$BASE" passant@faults.example "un mot de passe solide")
    echo "$(label "$p") $code sign-in" >>"$TMP/signin.log"
    if [ "$code" = 303 ]; then
      csrf=$(csrf_of "$TMP/visitor" "$BASE/compte")
      post "$TMP/visitor" "$BASE/deconnexion" --data-urlencode "csrf=$csrf" >/dev/null
    fi
    sleep 0.2
  done
}

reader() {  # a visitor reading pages
  local pages=(/ /coalitions "/coalitions/${SLUGS[0]}" /evenements /evenements/panne-1 /ressources) i=0 p code
  while [ ! -e "$TMP/stop" ]; do
    p=$(current_phase)
    code=$(status "$BASE${pages[$((i % ${#pages[@]}))]}")
    echo "$(label "$p") $code ${pages[$((i % ${#pages[@]}))]}" >>"$TMP/reads.log"
    i=$((i + 1))
    [ "$code" = 000 ] && sleep 0.2
  done
}

for n in 1 2 3; do booklet_writer "$n" "${SLUGS[$((n - 1))]}" & WORKERS+=($!); done
for m in 1 2 3 4; do registrant "$m" & WORKERS+=($!); done
comer_and_goer & WORKERS+=($!)
reader & WORKERS+=($!)

# codes LOGS PHASE: the statuses answered to requests sent in PHASE, as "count×code …".
codes() { cat $1 2>/dev/null | awk -v p="$2" '$1 == p {print $2}' | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}'; }
# only LOGS PHASE ALLOWED: every status in PHASE is one of ALLOWED (a regular expression).
only() { cat $1 2>/dev/null | awk -v p="$2" '$1 == p {print $2}' | grep -Ev "^($3)$" | wc -l; }
count() { cat $1 2>/dev/null | awk -v p="$2" -v c="$3" '$1 == p && $2 == c' | wc -l; }
# refused LOGS PHASE: writes refused with 503 that were sent or answered in PHASE. While the database is
# locked the writes queue, each waiting 5 s for the lock: on a loaded machine every answer given during
# the lock can be to a write sent before it, and every write sent during it answered after it.
refused() { cat $1 2>/dev/null | awk -v p="$2" '$2 == 503 && ($1 == p || index($1, p ">") == 1 || substr($1, length($1) - length(p)) == ">" p)' | wc -l; }
WRITES="$TMP/booklet*.log $TMP/registrant*.log $TMP/signin.log"

sleep 3

# ---------------------------------------------------------------------------------------------
# Fault 1: the disk is full. The write-ahead log is emptied first, so that a write must grow it.

phase filling  # writes sent while the disk fills may be saved or refused
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
cat /dev/zero >"$DIR/filler" 2>/dev/null
phase full
sleep 5
rm -f "$DIR/filler"
phase after-full
sleep 3

# ---------------------------------------------------------------------------------------------
# Fault 2: another program holds the write lock for about 12 seconds (the node waits 5 s for it).

mkfifo "$TMP/holder.in"
sqlite3 "$DB" <"$TMP/holder.in" >"$TMP/holder.out" 2>&1 &
HOLDER_PID=$!
exec 7>"$TMP/holder.in"
# The node writes all the time: the holder waits for the lock like the node does (.timeout), and
# stops at the first error (.bail) so that "locked" is printed only once the lock is really held.
printf '%s\n' '.bail on' '.timeout 10000' \
  "BEGIN IMMEDIATE; UPDATE data_version SET version = version WHERE id = 1; SELECT 'locked';" >&7
for _ in $(seq 100); do grep -q locked "$TMP/holder.out" && break; sleep 0.1; done
grep -q locked "$TMP/holder.out" || die "could not take the write lock: $(cat "$TMP/holder.out")"
phase locked
# While it is held, one write with its headers: 503, Retry-After, and the page saying so. It queues
# behind the mix's writes for the writers' threads, each waiting up to 5 s for the lock: with two
# rounds ahead of it, its answer comes after about 15 s; on a loaded machine (a CI run beside other
# builds) the queue ahead is longer and 40 s were not enough, so it is given 120. The lock is held
# until it answers, whatever that takes.
code=$(curl -sS --max-time 120 -b "$anim" -D "$TMP/locked.headers" -o "$TMP/locked.html" -w '%{http_code}' \
  -H 'Content-Type: application/x-www-form-urlencoded' --data-urlencode "csrf=$ANIM_CSRF" \
  --data-urlencode "base_revision=0" --data-urlencode "victoires=jamais" "$BASE/coalitions/${SLUGS[2]}/modifier")
expect_eq "a write while the database is locked is refused with 503" 503 "$code"
grep -qi '^retry-after: 5' "$TMP/locked.headers" && ok "the 503 says when to come back (Retry-After)" ||
  fail "the 503 has no Retry-After: $(cat "$TMP/locked.headers")"
grep -q "Rien n’a été modifié" "$TMP/locked.html" && ok "the 503 page tells the person, in French, that nothing was changed" ||
  fail "the 503 page does not say that nothing was changed"
sleep 7  # with the write above, the lock is held 12 s or more: each writer waits the whole 5 s once at least
echo "COMMIT;" >&7
exec 7>&-
wait "$HOLDER_PID"
HOLDER_PID=
phase after-lock
sleep 3

# ---------------------------------------------------------------------------------------------
# Fault 3: the node is killed with SIGKILL in the middle of the mix, then started again.

phase killed
kill -KILL "$NODE_PID"
wait "$NODE_PID" 2>/dev/null
NODE_PID=
sleep 1
"$BIN" serve --database "$DB" --listen "127.0.0.1:$PORT" --threads 2 --log_requests false --mail_dir "$TMP/a.mail" \
  "${NODE_OPTIONS[@]}" >"$TMP/a2.out" 2>"$TMP/a2.err" &
NODE_PID=$!
for _ in $(seq 100); do grep -q "fabrique listening" "$TMP/a2.out" && break; sleep 0.1; done
grep -q "fabrique listening" "$TMP/a2.out" || die "the node did not start again: $(cat "$TMP/a2.err")"
phase restarted
sleep 3
touch "$TMP/stop"
wait "${WORKERS[@]}"
WORKERS=()

# ---------------------------------------------------------------------------------------------
# What was answered.

for p in normal filling full after-full locked after-lock killed restarted; do
  echo "  $p: writes $(codes "$WRITES" "$p")| reads $(codes "$TMP/reads.log" "$p")"
done
echo "  sent in one phase, answered in the next: $(cat $WRITES "$TMP/reads.log" | awk '$1 ~ />/ {print $2}' | sort | uniq -c |
  awk '{printf "%s×%s ", $1, $2}')"
expect_eq "no request answered 500, in any phase" 0 "$(cat $WRITES "$TMP/reads.log" | awk '$2 == 500' | wc -l)"
expect_eq "the mix ran before the faults (writes acknowledged)" yes \
  "$([ "$(count "$WRITES" normal 303)" -gt 5 ] && echo yes || echo no)"
expect_eq "before the faults, every write succeeds" 0 "$(only "$WRITES" normal 303)"
expect_eq "disk full: each write is saved or refused with 503" 0 "$(only "$WRITES" full '303|503')"
expect_eq "while the disk fills: each write is saved or refused with 503" 0 "$(only "$WRITES" filling '303|503')"
expect_eq "disk full: the fault bit (some writes refused)" yes "$([ "$(refused "$WRITES" full)" -gt 0 ] && echo yes || echo no)"
expect_eq "locked: each write is saved or refused with 503" 0 "$(only "$WRITES" locked '303|503')"
expect_eq "locked: the fault bit (some writes refused)" yes "$([ "$(refused "$WRITES" locked)" -gt 0 ] && echo yes || echo no)"
for p in after-full after-lock restarted; do
  expect_eq "$p: every write succeeds as soon as the fault is gone" 0 "$(only "$WRITES" "$p" 303)"
  expect_eq "$p: writes were made" yes "$([ "$(count "$WRITES" "$p" 303)" -gt 2 ] && echo yes || echo no)"
done
for p in normal filling full after-full locked after-lock restarted; do
  expect_eq "$p: visitors' pages answer 200" 0 "$(only "$TMP/reads.log" "$p" 200)"
done
grep -q "Réessayez dans un instant" "$TMP/refused.html" 2>/dev/null && ok "a refused booklet save got the page that says so" ||
  fail "no refused booklet save got the 503 page"

# ---------------------------------------------------------------------------------------------
# What the database holds: every acknowledged write, no refused one, nothing half-done.

lost=0 kept_refused=0
for n in 1 2 3; do
  while read -r p code text; do
    found=$(sql "SELECT COUNT(*) FROM booklet_revision_sections WHERE section = 'victoires' AND body = '$text'")
    if [ "$code" = 303 ] && [ "$found" != 1 ]; then lost=$((lost + 1)); echo "  lost: $text ($p)"; fi
    if [ "$code" = 503 ] && [ "$found" != 0 ]; then kept_refused=$((kept_refused + 1)); echo "  refused yet saved: $text ($p)"; fi
  done <"$TMP/booklet$n.log"
done
for m in 1 2 3 4; do
  while read -r p code event; do
    found=$(sql "SELECT COUNT(*) FROM registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id
                 WHERE e.slug = '$event' AND u.email_key = 'membre$m@faults.example'")
    if [ "$code" = 303 ] && [ "$found" != 1 ]; then lost=$((lost + 1)); echo "  lost: member $m at $event ($p)"; fi
    if [ "$code" = 503 ] && [ "$found" != 0 ]; then kept_refused=$((kept_refused + 1)); echo "  refused yet saved: member $m at $event ($p)"; fi
  done <"$TMP/registrant$m.log"
done
expect_eq "every acknowledged write is in the database" 0 "$lost"
expect_eq "no write refused with 503 is in the database" 0 "$kept_refused"
expect_eq "the database is sound (integrity_check)" ok "$(sql "PRAGMA integrity_check")"
expect_eq "no dangling reference (foreign_key_check)" "" "$(sql "PRAGMA foreign_key_check")"
expect_eq "each booklet's revision number is its latest revision" 0 \
  "$(sql "SELECT COUNT(*) FROM coalitions k WHERE k.booklet_revision <> (SELECT COALESCE(MAX(number), 0) FROM booklet_revisions r WHERE r.coalition_id = k.id)")"
expect_eq "no booklet revision without its text" 0 \
  "$(sql "SELECT COUNT(*) FROM booklet_revisions r WHERE NOT EXISTS (SELECT 1 FROM booklet_revision_sections s WHERE s.revision_id = r.id)")"
expect_eq "each current booklet text is its latest revision's" 0 \
  "$(sql "SELECT COUNT(*) FROM booklet_current c JOIN coalitions k ON k.id = c.coalition_id
          WHERE c.section = 'victoires' AND k.slug IN ('${SLUGS[0]}', '${SLUGS[1]}', '${SLUGS[2]}')
            AND c.body <> (SELECT s.body FROM booklet_revision_sections s JOIN booklet_revisions r ON r.id = s.revision_id
                           WHERE r.coalition_id = k.id AND s.section = 'victoires' ORDER BY r.number DESC LIMIT 1)")"
grep -q "database unavailable" "$TMP/a.err" && ok "the node logged the refusals as the database being unavailable" ||
  fail "the node did not log why writes were refused"
expect_eq "the node never logged a failed request (a 500)" 0 "$(cat "$TMP/a.err" "$TMP/a2.err" | grep -c 'request failed')"

echo "faults: $(( $(date +%s) - started_at )) s"
finish
