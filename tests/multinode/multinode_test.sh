#!/usr/bin/env bash
# Two fabrique nodes behind nginx (round robin) on one PostgreSQL behave as one site: shared sessions,
# CSRF key, sign-in limits and page cache; concurrent writes keep their rules; a node killed with
# SIGKILL in the middle of a write load loses no acknowledged write and the other node keeps serving;
# 50 registrations racing for 20 places over both nodes give exactly 20 places taken and 30 waiting.
#
# Usage: tests/multinode/multinode_test.sh PATH/TO/fabrique   (run by ctest as `multinode`)
# Needs PostgreSQL's server binaries (initdb, pg_ctl, psql) and nginx. Everything runs as the current
# user (PostgreSQL as `postgres` when that is root) on free 127.0.0.1 ports above 1024, in a temporary
# folder removed at the end.
set -uo pipefail

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
NGINX=${NGINX:-nginx}
source "$HERE/../../scripts/pg-cluster.sh"
source "$HERE/lib.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-multinode.XXXXXX")
A_PID= B_PID= BALANCER_PID=
cleanup() {
  local rc=$?
  stop_pid "$A_PID"
  stop_pid "$B_PID"
  stop_pid "$BALANCER_PID"
  pg_cluster_stop
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "multinode: $*" >&2; exit 1; }
started_at=$(date +%s)

# ---------------------------------------------------------------------------------------------
# One PostgreSQL, the demo programme, two nodes, nginx in front.

pg_cluster_start memory || die "could not start PostgreSQL"
DB=$(pg_cluster_createdb site) || die "could not create the database"
sql() { "$PG_BIN/psql" -X -A -t -q -v ON_ERROR_STOP=1 "$DB" -c "$1"; }

"$BIN" migrate --database "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migrate failed"; }
"$BIN" demo load --database "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log"; die "demo load failed"; }
PASSWORD=demo-fabrique-2021
ANIMATEUR=animateur@demo.fabrique

# Every simulated person comes from this machine: 51 sign-ups from one address, more than a node allows an hour.
NODE_OPTIONS=(--trusted_proxies 127.0.0.1 --database_pool 8 --sign_ups_per_address 100)
start_node a "$DB" "${NODE_OPTIONS[@]}" || die "node a did not start"
A_PID=$NODE_PID A=http://127.0.0.1:$NODE_PORT A_PORT=$NODE_PORT
start_node b "$DB" "${NODE_OPTIONS[@]}" || die "node b did not start"
B_PID=$NODE_PID B=http://127.0.0.1:$NODE_PORT B_PORT=$NODE_PORT
start_balancer "$A_PORT" "$B_PORT" || die "nginx did not start"
LB=http://127.0.0.1:$BALANCER_PORT
echo "multinode: PostgreSQL on $PG_PORT, nodes on $A_PORT and $B_PORT, nginx on $BALANCER_PORT"

# ---------------------------------------------------------------------------------------------
# Accounts: sign up and sign in through one node, use the session and its forms through the other.

expect_eq "sign up through node a" 303 "$(sign_up "$TMP/member" "$A" "Alex Multinode" alex@multi.example)"
jar=$TMP/member2
expect_eq "sign in through node a" 303 "$(sign_in "$jar" "$A" alex@multi.example "un mot de passe solide")"
curl -sS --max-time 10 -b "$jar" "$B/compte" >"$TMP/account-b.html"
grep -q "Alex Multinode" "$TMP/account-b.html" && ok "node b knows the session opened on node a" ||
  fail "node b does not know the session opened on node a"
# The form token node a gave this browser is accepted by node b (one CSRF key for the site).
csrf=$(csrf_of "$jar" "$A/compte")
code=$(post "$jar" "$B/compte/profil" --data-urlencode "csrf=$csrf" --data-urlencode "name=Alex Deux-Nœuds" \
  --data-urlencode "show_name=1")
expect_eq "a form from node a is accepted by node b" 303 "$code"
expect_eq "the edit made through node b is in the database" "Alex Deux-Nœuds" \
  "$(sql "SELECT name FROM users WHERE email_key = 'alex@multi.example'")"
code=$(post "$jar" "$A/deconnexion" --data-urlencode "csrf=$csrf")
expect_eq "sign out through node a" 303 "$code"
expect_eq "node b no longer knows the session closed on node a" 303 "$(status "$B/compte" -b "$jar")"

# Failed sign-ins are counted in the database: spread over both nodes, they slow down the account on both.
jar=$TMP/guesser
csrf=$(csrf_of "$jar" "$A/connexion")
# Wrong guesses alternate between the nodes until one is refused: past five, each failure makes the
# account and address wait, twice as long each time (1 s, 2 s, 4 s…). Counted per node, the first
# refusal could not come before the 11th attempt (a node's sixth); counted once for the site, it comes
# by the 9th even when each attempt takes more than a second on a loaded machine.
refused=
for i in $(seq 12); do
  node=$A
  [ $((i % 2)) = 0 ] && node=$B
  code=$(post "$jar" "$node/connexion" --data-urlencode "csrf=$csrf" --data-urlencode "email=camille@demo.fabrique" \
    --data-urlencode "password=wrong guess $i")
  if [ "$code" = 429 ]; then refused=$i; break; fi
done
expect_eq "failures split over both nodes slow the account down (refused by the 9th attempt at most)" yes \
  "$([ -n "$refused" ] && [ "$refused" -le 9 ] && echo yes || echo "no (attempt ${refused:-none})")"

# ---------------------------------------------------------------------------------------------
# The visitors' page cache: a change made through one node shows at once on the other.

anim=$TMP/animateur
expect_eq "the animateur signs in through nginx" 303 "$(sign_in "$anim" "$LB" "$ANIMATEUR" "$PASSWORD")"
ANIM_CSRF=$(csrf_of "$anim" "$LB/compte")
mapfile -t SLUGS < <(sql "SELECT slug FROM coalitions ORDER BY id")
[ "${#SLUGS[@]}" -ge 6 ] || die "the demo has only ${#SLUGS[@]} coalitions"
slug=${SLUGS[0]}
revision() { sql "SELECT booklet_revision FROM coalitions WHERE slug = '$1'"; }
curl -sS --max-time 10 "$A/coalitions/$slug" >/dev/null  # cached by node a for visitors
curl -sS --max-time 10 "$A/coalitions/$slug" >/dev/null
code=$(post "$anim" "$B/coalitions/$slug/modifier" --data-urlencode "csrf=$ANIM_CSRF" \
  --data-urlencode "base_revision=$(revision "$slug")" --data-urlencode "victoires=Victoire visible sur les deux nœuds" \
  --data-urlencode "comment=multinode")
expect_eq "a booklet edit through node b" 303 "$code"
# Read whole before searching: grep -q stops at the first match, and with pipefail curl's
# "failed writing body" would then fail a page that did hold the edit.
page=$(curl -sS --max-time 10 "$A/coalitions/$slug")
grep -q "Victoire visible sur les deux nœuds" <<<"$page" &&
  ok "node a's visitors see at once the edit made through node b" ||
  fail "node a serves a stale page after an edit through node b"

# ---------------------------------------------------------------------------------------------
# Concurrent writes spread over both nodes.

# Interest declarations: ten new members declare at once, each twice (two requests racing), through nginx.
members=10
jobs_=()
for i in $(seq $members); do
  POST_OUT=$TMP/m$i.html sign_up "$TMP/m$i" "$LB" "Membre $i" "membre$i@multi.example" >"$TMP/m$i.signup" &
  jobs_+=($!)
done
wait "${jobs_[@]}"  # not a bare `wait`: the nodes and nginx are background jobs too
signed=$(cat "$TMP"/m*.signup | grep -c 303)
expect_eq "$members concurrent sign-ups through nginx" "$members" "$signed"
target=${SLUGS[1]}
before=$(sql "SELECT COUNT(*) FROM interest_declarations d JOIN coalitions k ON k.id = d.coalition_id WHERE k.slug = '$target'")
jobs_=()
for i in $(seq $members); do
  c=$(csrf_of "$TMP/m$i" "$LB/compte")
  for n in 1 2; do
    POST_SHARED=1 POST_OUT=$TMP/d$i-$n.html post "$TMP/m$i" "$LB/coalitions/$target/interet" --data-urlencode "csrf=$c" \
      --data-urlencode "usages=1" --data-urlencode "message=Déclaration $i.$n" >"$TMP/d$i-$n.code" &
    jobs_+=($!)
  done
done
wait "${jobs_[@]}"
codes=$(cat "$TMP"/d*.code | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
expect_eq "$((members * 2)) racing interest declarations all succeed" "$((members * 2))" "$(cat "$TMP"/d*.code | grep -c 303)"
after=$(sql "SELECT COUNT(*) FROM interest_declarations d JOIN coalitions k ON k.id = d.coalition_id WHERE k.slug = '$target'")
expect_eq "one declaration per member, whatever the races (codes: $codes)" "$((before + members))" "$after"

# Booklet edits: eight editors start from the same revision at once; one wins, the others get 409
# with their own text still in the form, and nothing is overwritten.
target=${SLUGS[2]}
base=$(revision "$target")
editors=8
jobs_=()
for i in $(seq $editors); do
  POST_SHARED=1 POST_OUT=$TMP/e$i.html post "$anim" "$LB/coalitions/$target/modifier" --data-urlencode "csrf=$ANIM_CSRF" \
    --data-urlencode "base_revision=$base" --data-urlencode "victoires=Texte concurrent numéro $i" \
    --data-urlencode "comment=édition $i" >"$TMP/e$i.code" &
  jobs_+=($!)
done
wait "${jobs_[@]}"
expect_eq "$editors racing edits from one revision: exactly one saved" 1 "$(cat "$TMP"/e*.code | grep -c 303)"
expect_eq "$editors racing edits from one revision: the others are conflicts" $((editors - 1)) "$(cat "$TMP"/e*.code | grep -c 409)"
expect_eq "the booklet moved exactly one revision" $((base + 1)) "$(revision "$target")"
winner=$(grep -l 303 "$TMP"/e*.code | sed 's|.*/e\([0-9]*\)\.code|\1|')
expect_eq "the saved text is the winner's" "Texte concurrent numéro $winner" \
  "$(sql "SELECT body FROM booklet_current c JOIN coalitions k ON k.id = c.coalition_id WHERE k.slug = '$target' AND c.section = 'victoires'")"
kept=0
for i in $(seq $editors); do
  [ "$i" = "$winner" ] && continue
  grep -q "Texte concurrent numéro $i<" "$TMP/e$i.html" && kept=$((kept + 1))
done
expect_eq "every refused editor gets their own text back" $((editors - 1)) "$kept"

# Event registrations: 50 members register at once to an event of 20 places, half through each
# node. The event's row serialises them (docs/api.md): exactly 20 places taken, 30 waiting, in order.
people=50 places=20
now=$(date +%s)
sql "INSERT INTO events (slug, kind_id, title, starts_at, ends_at, capacity, created_at, updated_at)
     VALUES ('course-aux-places', (SELECT MIN(id) FROM event_kinds), 'Course aux places', $((now + 30 * 86400)),
             $((now + 30 * 86400 + 7200)), $places, $now, $now)"
jobs_=()
for i in $(seq $((members + 1)) $people); do  # the first $members members signed up above
  POST_OUT=$TMP/m$i.html sign_up "$TMP/m$i" "$LB" "Membre $i" "membre$i@multi.example" >"$TMP/m$i.signup" &
  jobs_+=($!)
done
wait "${jobs_[@]}"
expect_eq "$((people - members)) more concurrent sign-ups" "$people" "$(cat "$TMP"/m*.signup | grep -c 303)"
for i in $(seq $people); do
  node=$A
  [ $((i % 2)) = 0 ] && node=$B
  echo "$node $(csrf_of "$TMP/m$i" "$node/compte")" >"$TMP/r$i.csrf"  # tokens first, so that the posts race
done
jobs_=()
for i in $(seq $people); do
  read -r node c <"$TMP/r$i.csrf"
  POST_SHARED=1 POST_OUT=$TMP/r$i.html post "$TMP/m$i" "$node/evenements/course-aux-places/inscription" \
    --data-urlencode "csrf=$c" >"$TMP/r$i.code" &
  jobs_+=($!)
done
wait "${jobs_[@]}"
codes=$(cat "$TMP"/r*.code | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}')
expect_eq "$people racing registrations over both nodes are all answered 303 (codes: $codes)" "$people" \
  "$(cat "$TMP"/r*.code | grep -c 303)"
registrations() { sql "SELECT COUNT(*) FROM registrations r JOIN events e ON e.id = r.event_id
                       WHERE e.slug = 'course-aux-places'${1:+ AND r.status = '$1'}"; }
expect_eq "exactly $places registered" "$places" "$(registrations registered)"
expect_eq "exactly $((people - places)) waiting" "$((people - places))" "$(registrations waiting)"
expect_eq "no registration lost or duplicated: one per member" "$people" \
  "$(sql "SELECT COUNT(DISTINCT r.user_id) FROM registrations r JOIN events e ON e.id = r.event_id
          JOIN users u ON u.id = r.user_id WHERE e.slug = 'course-aux-places' AND u.email_key LIKE 'membre%@multi.example'")"
page=$(curl -sS --max-time 10 "$B/evenements/course-aux-places.json")
grep -q "\"registered\": *$places" <<<"$page" &&
  ok "the event's JSON on node b says $places registered" || fail "the event's JSON does not say $places registered"
# A cancellation through node a hands the freed place to the first person waiting, seen on node b.
first_waiting=$(sql "SELECT u.email_key FROM registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id
                     WHERE e.slug = 'course-aux-places' AND r.status = 'waiting' ORDER BY r.id LIMIT 1")
leaver=$(sql "SELECT u.email_key FROM registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id
              WHERE e.slug = 'course-aux-places' AND r.status = 'registered' ORDER BY r.id LIMIT 1")
i=${leaver#membre}; i=${i%@multi.example}
expect_eq "a registered member cancels through node a" 303 \
  "$(post "$TMP/m$i" "$A/evenements/course-aux-places/annulation" --data-urlencode "csrf=$(csrf_of "$TMP/m$i" "$A/compte")")"
expect_eq "the first person waiting got the place" registered \
  "$(sql "SELECT r.status FROM registrations r JOIN events e ON e.id = r.event_id JOIN users u ON u.id = r.user_id
          WHERE e.slug = 'course-aux-places' AND u.email_key = '$first_waiting'")"
expect_eq "still exactly $places registered after the cancellation" "$places" "$(registrations registered)"

# ---------------------------------------------------------------------------------------------
# kill -9 of one node in the middle of a write load.

# Four writers, each editing its own coalition in a loop through nginx. A write is acknowledged when
# the client gets 303; its text must then be in the database. After a failed request the writer
# reads the revision again (the write may or may not have happened).
writer() {  # writer N SLUG SECONDS
  local n=$1 slug=$2 until=$(( $(date +%s) + $3 )) k=0 code base
  base=$(revision "$slug")
  : >"$TMP/ack$n"
  : >"$TMP/codes$n"
  while [ "$(date +%s)" -lt "$until" ]; do
    k=$((k + 1))
    code=$(POST_SHARED=1 POST_OUT=$TMP/w$n.html post "$anim" "$LB/coalitions/$slug/modifier" --data-urlencode "csrf=$ANIM_CSRF" \
      --data-urlencode "base_revision=$base" --data-urlencode "victoires=écriture $n.$k" --data-urlencode "comment=charge")
    echo "$code" >>"$TMP/codes$n"
    if [ "$code" = 303 ]; then
      echo "écriture $n.$k" >>"$TMP/ack$n"
      base=$((base + 1))
    else
      base=$(revision "$slug")
    fi
  done
}
jobs_=()
for n in 1 2 3 4; do
  writer "$n" "${SLUGS[$((n + 2))]}" 8 &
  jobs_+=($!)
done
sleep 3
kill -KILL "$A_PID"
wait "$A_PID" 2>/dev/null
A_PID=
killed_at=$(date +%s)
wait "${jobs_[@]}"  # the writers
acknowledged=$(cat "$TMP"/ack? | wc -l)
missing=0
for n in 1 2 3 4; do
  while read -r text; do
    found=$(sql "SELECT COUNT(*) FROM booklet_revision_sections WHERE section = 'victoires' AND body = '$text'")
    [ "$found" = 1 ] || { missing=$((missing + 1)); echo "  lost: $text"; }
  done <"$TMP/ack$n"
done
[ "$acknowledged" -gt 20 ] && ok "the write load ran ($acknowledged writes acknowledged; codes: $(cat "$TMP"/codes? | sort | uniq -c | awk '{printf "%s×%s ", $1, $2}'))" ||
  fail "too few writes were acknowledged ($acknowledged)"
expect_eq "every acknowledged write is in the database after kill -9 of node a" 0 "$missing"
expect_eq "nginx keeps serving through node b" 200 "$(status "$LB/coalitions")"
expect_eq "node b keeps serving" 200 "$(status "$B/coalitions/${SLUGS[0]}")"
ok_after=0
for i in $(seq 10); do [ "$(status "$LB/")" = 200 ] && ok_after=$((ok_after + 1)); done
expect_eq "every request after the kill succeeds" 10 "$ok_after"
code=$(post "$anim" "$LB/coalitions/${SLUGS[3]}/modifier" --data-urlencode "csrf=$ANIM_CSRF" \
  --data-urlencode "base_revision=$(revision "${SLUGS[3]}")" --data-urlencode "victoires=Après la panne" \
  --data-urlencode "comment=après")
expect_eq "writes succeed after the kill" 303 "$code"

echo "multinode: $(( $(date +%s) - started_at )) s"
finish
