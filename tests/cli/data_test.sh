#!/usr/bin/env bash
# Moving and protecting a programme as an operator does: `fabrique copy` of the demo from SQLite to
# PostgreSQL (counts and checksums equal, the same pages and search results served from either database), and
# `fabrique backup` → change → `fabrique restore` on both engines (the data back exactly as backed up).
#
# Usage: tests/cli/data_test.sh PATH/TO/fabrique   (run by ctest as `cli_data`)
# Needs PostgreSQL's server and client binaries (initdb, pg_ctl, psql, pg_dump, pg_restore).
set -uo pipefail

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/../../scripts/pg-cluster.sh"
source "$HERE/../multinode/lib.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-data.XXXXXX")
SQLITE_PID= PG_PID=
cleanup() {
  local rc=$?
  stop_pid "$SQLITE_PID"
  stop_pid "$PG_PID"
  pg_cluster_stop
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "data_test: $*" >&2; exit 1; }

pg_cluster_start || die "could not start PostgreSQL"
run() {  # run NAME COMMAND...: must succeed; output in $TMP/out
  local name=$1
  shift
  if "$@" >"$TMP/out" 2>&1; then ok "$name"; else fail "$name"; cat "$TMP/out"; fi
}
refuse() {  # refuse NAME TEXT COMMAND...: must fail saying TEXT
  local name=$1 text=$2
  shift 2
  if "$@" >"$TMP/out" 2>&1; then fail "$name (it succeeded)"; cat "$TMP/out"
  elif grep -q -- "$text" "$TMP/out"; then ok "$name"
  else fail "$name (no '$text')"; cat "$TMP/out"; fi
}
checksums() { "$BIN" checksum --database "$1" 2>&1; }

# ---------------------------------------------------------------------------------------------
# copy: the demo programme from SQLite to PostgreSQL.

LITE=$TMP/demo.db
run "migrate a SQLite database" "$BIN" migrate --database "$LITE"
run "load the demo on SQLite" "$BIN" demo load --database "$LITE"
PG=$(pg_cluster_createdb copied) || die "createdb failed"
run "copy the demo from SQLite to PostgreSQL" "$BIN" copy --from "$LITE" --to "$PG"
cp "$TMP/out" "$TMP/copy.out"
grep -q "copy complete" "$TMP/copy.out" && ok "copy reports equal counts and checksums" || fail "copy did not complete"
tables=$(grep -c ' same$' "$TMP/copy.out")
[ "$tables" -ge 10 ] && ok "copy compared $tables tables" || fail "copy compared only $tables tables"
grep -q DIFFERENT "$TMP/copy.out" && fail "a table differs after the copy" || ok "no table differs"
grep -E '^(users|coalitions|booklet_revisions|interest_declarations) ' "$TMP/copy.out" | awk '{print "  " $0}'
# The checksum command computes the same sums on both engines, independently of the copy.
diff <(checksums "$LITE" | grep -v '^data_version ') <(checksums "$PG" | grep -v '^data_version ') >"$TMP/diff" &&
  ok "fabrique checksum prints the same lines for SQLite and PostgreSQL" || { fail "checksums differ"; cat "$TMP/diff"; }
refuse "copy refuses a target that holds data" "already holds data" "$BIN" copy --from "$LITE" --to "$PG"
run "copy --force replaces it" "$BIN" copy --from "$LITE" --to "$PG" --force

# The site serves the same pages from either database (as a visitor, in both languages).
start_node sqlite "$LITE" || die "the SQLite node did not start"
SQLITE_PID=$NODE_PID SQLITE_URL=http://127.0.0.1:$NODE_PORT
start_node pg "$PG" || die "the PostgreSQL node did not start"
PG_PID=$NODE_PID PG_NODE_URL=http://127.0.0.1:$NODE_PORT
pages=(/ /coalitions /coalitions.json /organisations "/coalitions?page=2")
for slug in $("$PG_BIN/psql" -X -A -t -q "$PG" -c "SELECT slug FROM coalitions ORDER BY id"); do
  pages+=("/coalitions/$slug" "/coalitions/$slug/historique" "/coalitions/$slug.json")
done
for slug in $("$PG_BIN/psql" -X -A -t -q "$PG" -c "SELECT slug FROM organisations ORDER BY id LIMIT 5"); do
  pages+=("/organisations/$slug")
done
same=0
for page in "${pages[@]}"; do
  for lang in fr en; do
    curl -sS --max-time 10 -H "Accept-Language: $lang" -w '%{http_code}' "$SQLITE_URL$page" >"$TMP/page-sqlite"
    curl -sS --max-time 10 -H "Accept-Language: $lang" -w '%{http_code}' "$PG_NODE_URL$page" >"$TMP/page-pg"
    if cmp -s "$TMP/page-sqlite" "$TMP/page-pg"; then
      same=$((same + 1))
    else
      fail "$page ($lang) differs between SQLite and PostgreSQL"
      diff <(sed 's/></>\n</g' "$TMP/page-sqlite") <(sed 's/></>\n</g' "$TMP/page-pg") | head -n 20
    fi
  done
done
expect_eq "the same ${#pages[@]} pages × 2 languages from SQLite and from PostgreSQL" $((${#pages[@]} * 2)) "$same"
# Search on the copy finds the same documents: the full-text index was rebuilt on PostgreSQL from the
# words indexed on SQLite. Each engine ranks in its own way (bm25, ts_rank), so the counts by type
# (the facets) must be equal, and when every hit fits on one page (fewer than 20), the same hits and
# excerpts line by line in sorted order; a full first page may hold different ties.
grep -E '^search_fts .* same count$' "$TMP/copy.out" >/dev/null && ok "copy reports the search index rebuilt with the same count" ||
  fail "copy does not report the search index"
queries=(coalition coal "atelier reset" énergie)
mapfile -t titles < <("$PG_BIN/psql" -X -A -t -q "$PG" -c "SELECT title FROM search_documents ORDER BY id LIMIT 4")
queries+=("${titles[@]}")
found=0 same=0 whole=0
for q in "${queries[@]}"; do
  for engine in sqlite pg; do
    url=$SQLITE_URL
    [ "$engine" = pg ] && url=$PG_NODE_URL
    curl -sS --max-time 10 -G --data-urlencode "q=$q" -w '%{http_code}' "$url/recherche" >"$TMP/search-$engine"
  done
  hits=$(grep -o '<li><h2><a' "$TMP/search-pg" | wc -l)
  [ "$hits" -gt 0 ] && found=$((found + 1))
  facets() { grep -o '<a href="/recherche[^"]*"[^>]*>[^<]*</a>' "$1"; }
  if [ "$hits" -lt 20 ]; then
    diff <(sed 's/></>\n</g' "$TMP/search-sqlite" | sort) <(sed 's/></>\n</g' "$TMP/search-pg" | sort) >"$TMP/diff" &&
      whole=$((whole + 1))
  else
    diff <(facets "$TMP/search-sqlite") <(facets "$TMP/search-pg") >"$TMP/diff"
  fi
  if [ -s "$TMP/diff" ]; then
    fail "search '$q' differs between SQLite and PostgreSQL"
    head -n 20 "$TMP/diff"
  else
    same=$((same + 1))
  fi
done
expect_eq "the same results for ${#queries[@]} searches from SQLite and from PostgreSQL ($whole compared hit by hit)" \
  "${#queries[@]}" "$same"
[ "$found" -ge 4 ] && ok "$found of ${#queries[@]} searches find something on the copy" ||
  fail "only $found of ${#queries[@]} searches find something on the copy"
stop_pid "$SQLITE_PID"; SQLITE_PID=
stop_pid "$PG_PID"; PG_PID=
# Identity sequences moved past the copied ids: a new row gets a fresh id.
printf 'un mot de passe solide\n' >"$TMP/pw"
run "a new account on the copy gets a fresh id" "$BIN" user add --email apres-copie@example.org --name "Après" \
  --password-file "$TMP/pw" --database "$PG"

# ---------------------------------------------------------------------------------------------
# backup → change → restore, on each engine.

restore_drill() {  # restore_drill ENGINE DATABASE
  local engine=$1 db=$2 backup=$TMP/backup-$1
  checksums "$db" >"$TMP/before-$engine"
  run "$engine: backup" "$BIN" backup "$backup" --database "$db"
  run "$engine: change the data after the backup" "$BIN" user add --email change@example.org --name "Change" \
    --password-file "$TMP/pw" --database "$db"
  checksums "$db" >"$TMP/changed-$engine"
  cmp -s "$TMP/before-$engine" "$TMP/changed-$engine" && fail "$engine: the change did not show in the checksums" ||
    ok "$engine: the change shows in the checksums"
  refuse "$engine: restore refuses to replace data without --force" "Use --force" "$BIN" restore "$backup" --database "$db"
  run "$engine: restore --force" "$BIN" restore "$backup" --force --database "$db"
  checksums "$db" >"$TMP/after-$engine"
  # data_version moves on at a restore, so that the nodes' page caches start again.
  diff <(grep -v '^data_version ' "$TMP/before-$engine") <(grep -v '^data_version ' "$TMP/after-$engine") >"$TMP/diff" &&
    ok "$engine: every table is back as backed up" || { fail "$engine: the restored data differ"; cat "$TMP/diff"; }
  run "$engine: migrate after the restore applies nothing" "$BIN" migrate --database "$db"
  grep -q "0 migration(s) applied" "$TMP/out" && ok "$engine: the restored schema is current" || fail "$engine: schema not current"
  run "$engine: the restored site accepts new data" "$BIN" user add --email after@example.org --name "After" \
    --password-file "$TMP/pw" --database "$db"
}
restore_drill sqlite "$LITE"
restore_drill postgresql "$PG"
refuse "restore refuses a SQLite backup on PostgreSQL, naming copy" "fabrique copy" \
  "$BIN" restore "$TMP/backup-sqlite" --force --database "$PG"
refuse "restore refuses a pg_dump archive on SQLite" "pg_dump archive" \
  "$BIN" restore "$TMP/backup-postgresql" --force --database "$LITE"
echo "not a backup" >"$TMP/junk"
refuse "restore refuses a file that is not a backup" "not a backup" "$BIN" restore "$TMP/junk" --force --database "$LITE"
# A restore that fails leaves the database as it was.
checksums "$PG" >"$TMP/pg-before-bad"
head -c 2000 "$TMP/backup-postgresql" >"$TMP/truncated"
refuse "restore refuses a truncated archive" "restore" "$BIN" restore "$TMP/truncated" --force --database "$PG"
diff <(grep -v '^data_version ' "$TMP/pg-before-bad") <(checksums "$PG" | grep -v '^data_version ') >/dev/null &&
  ok "a failed restore leaves the database unchanged" || fail "a failed restore changed the database"

finish
