#!/usr/bin/env bash
# Mail with two nodes on one PostgreSQL and a real SMTP server (aiosmtpd): each mail is sent by one
# node only, and a node killed with SIGKILL while it is handing mails to the server loses none — at
# most the mail it had in flight is sent again, with the same Message-ID.
#
# Usage: tests/multinode/mail_test.sh PATH/TO/fabrique   (run by ctest as `mail_multinode`)
# Needs PostgreSQL's server binaries and Debian's python3-aiosmtpd.
set -uo pipefail

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/../../scripts/pg-cluster.sh"
source "$HERE/lib.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-mail.XXXXXX")
chmod 755 "$TMP"
A_PID= B_PID= SMTP_PID=
cleanup() {
  local rc=$?
  stop_pid "$A_PID"
  stop_pid "$B_PID"
  stop_pid "$SMTP_PID"
  pg_cluster_stop
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "mail_multinode: $*" >&2; exit 1; }

pg_cluster_start memory || die "could not start PostgreSQL"
DB=$(pg_cluster_createdb site) || die "could not create the database"
sql() { "$PG_BIN/psql" -X -A -t -q -v ON_ERROR_STOP=1 "$DB" -c "$1"; }
"$BIN" migrate --database "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; die "migrate failed"; }

# The SMTP server takes three seconds to acknowledge each mail, so that mails are in flight when a
# node is killed. It writes each message as it receives it, before acknowledging it.
SMTP_PORT=
for _ in $(seq 10); do
  SMTP_PORT=$((20000 + RANDOM % 40000))
  (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && continue
  break
done
PYTHONPATH="$HERE/../integration" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$SMTP_PORT" -c smtp_sink.Sink \
  "$TMP/received" 3 >"$TMP/smtp.log" 2>&1 &
SMTP_PID=$!
for _ in $(seq 100); do (exec 3<>"/dev/tcp/127.0.0.1/$SMTP_PORT") 2>/dev/null && break; sleep 0.1; done

# A short SMTP time-out makes the lease of a mail in flight short (2 × 5 + 10 s).
NODE_OPTIONS=(--smtp_url "smtp://127.0.0.1:$SMTP_PORT" --smtp_timeout 5 --mail_from "Reset <reset@multi.example>")
start_node a "$DB" "${NODE_OPTIONS[@]}" || die "node a did not start"
A_PID=$NODE_PID A=http://127.0.0.1:$NODE_PORT
start_node b "$DB" "${NODE_OPTIONS[@]}" || die "node b did not start"
B_PID=$NODE_PID B=http://127.0.0.1:$NODE_PORT

# Twenty sign-ups at once, spread over both nodes: twenty confirmation mails in the outbox, taking
# thirty seconds at least to deliver.
people=20
jobs_=()
for i in $(seq $people); do
  node=$A
  [ $((i % 2)) = 0 ] && node=$B
  SIGN_UP_CONFIRM=0 POST_OUT=$TMP/p$i.html sign_up "$TMP/p$i" "$node" "Personne $i" "personne$i@multi.example" >"$TMP/p$i.code" &
  jobs_+=($!)
done
wait "${jobs_[@]}"
expect_eq "$people sign-ups" "$people" "$(cat "$TMP"/p*.code | grep -c 303)"
expect_eq "$people mails in the outbox" "$people" "$(sql "SELECT COUNT(*) FROM outbox")"

# Once mails are arriving, node a dies at once, whatever it was sending.
for _ in $(seq 200); do
  [ "$(ls "$TMP/received" 2>/dev/null | grep -c '\.eml$')" -ge 2 ] && break
  sleep 0.05
done
waiting=$(sql "SELECT COUNT(*) FROM outbox WHERE status = 'pending'")
kill -KILL "$A_PID"
wait "$A_PID" 2>/dev/null
A_PID=
[ "$waiting" -gt 2 ] && ok "node a killed while $waiting mails were still to deliver" ||
  fail "node a was killed after delivery was over ($waiting mails left)"

# Node b delivers the rest, and what node a held once its lease has ended.
for _ in $(seq 600); do
  [ "$(sql "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")" = "$people" ] && break
  sleep 0.1
done
expect_eq "every mail is sent" "$people" "$(sql "SELECT COUNT(*) FROM outbox WHERE status = 'sent'")"

ids() { grep -h -i '^Message-ID:' "$TMP"/received/*.eml | tr -d '\r' | sort; }
expect_eq "every mail arrived" "$people" "$(ids | uniq | wc -l)"
sql "SELECT 'Message-ID: ' || message_id FROM outbox ORDER BY 1" >"$TMP/expected"
ids | uniq | sed 's/^message-id/Message-ID/I' >"$TMP/arrived"
expect_eq "the arrived mails are those of the outbox" "" "$(diff "$TMP/expected" "$TMP/arrived")"
extra=$(( $(ids | wc -l) - people ))
if [ "$extra" -le 1 ]; then
  ok "at most the mail in flight was sent twice ($extra), with the same Message-ID"
else
  fail "$extra mails were sent twice: $(ids | uniq -d | tr '\n' ' ')"
fi
for i in 1 2 $people; do
  grep -l "^To: \"Personne $i\" <personne$i@multi.example>" "$TMP"/received/*.eml >/dev/null &&
    ok "personne$i received their confirmation" || fail "personne$i received nothing"
done
finish
