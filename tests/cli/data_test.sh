#!/usr/bin/env bash
# Moving and protecting a programme as an operator does: `fabrique copy` of the demo from SQLite to
# PostgreSQL (counts and checksums equal, the same pages and search results served from either database),
# `fabrique backup` → change → `fabrique restore` on both engines (the data back exactly as backed up), and
# a bundle (`fabrique export/import --bundle`) carried SQLite → PostgreSQL → SQLite, with its refusals.
#
# Usage: tests/cli/data_test.sh PATH/TO/fabrique   (run by ctest as `cli_data`)
# Needs PostgreSQL's server and client binaries (initdb, pg_ctl, psql, pg_dump, pg_restore).
set -uo pipefail

BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$HERE/../../scripts/pg-cluster.sh"
source "$HERE/../multinode/lib.sh"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-data.XXXXXX")
SQLITE_PID= PG_PID= BUNDLED_PID=
cleanup() {
  local rc=$?
  stop_pid "$SQLITE_PID"
  stop_pid "$PG_PID"
  stop_pid "$BUNDLED_PID"
  pg_cluster_stop
  rm -rf "$TMP"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
die() { echo "data_test: $*" >&2; exit 1; }

pg_cluster_start memory || die "could not start PostgreSQL"
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
diff <(checksums "$LITE" | grep -Ev '^(data_version|table_changes) ') <(checksums "$PG" | grep -Ev '^(data_version|table_changes) ') >"$TMP/diff" &&
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
    # One Host for both nodes: absolute links in JSON name the host asked for.
    curl -sS --max-time 10 -H "Accept-Language: $lang" -H "Host: fabrique.example.org" -w '%{http_code}' \
      "$SQLITE_URL$page" >"$TMP/page-sqlite"
    curl -sS --max-time 10 -H "Accept-Language: $lang" -H "Host: fabrique.example.org" -w '%{http_code}' \
      "$PG_NODE_URL$page" >"$TMP/page-pg"
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
  # data_version and the table stamps move on at a restore, so that the nodes' page caches start again.
  diff <(grep -Ev '^(data_version|table_changes) ' "$TMP/before-$engine") <(grep -Ev '^(data_version|table_changes) ' "$TMP/after-$engine") >"$TMP/diff" &&
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
diff <(grep -Ev '^(data_version|table_changes) ' "$TMP/pg-before-bad") <(checksums "$PG" | grep -Ev '^(data_version|table_changes) ') >/dev/null &&
  ok "a failed restore leaves the database unchanged" || fail "a failed restore changed the database"

# ---------------------------------------------------------------------------------------------
# export --bundle → import --bundle: the whole programme in one file, SQLite → PostgreSQL → SQLite.

SOURCE=$TMP/bundle-source.db
run "bundle: migrate a source" "$BIN" migrate --database "$SOURCE"
run "bundle: a source with the demo" "$BIN" demo load --database "$SOURCE"
# An uploaded file (they live in the files table) travels in the bundle, byte for byte.
head -c 3000 /dev/urandom >"$TMP/upload.bin"
sqlite3 "$SOURCE" "INSERT INTO files (name, media_type, size, sha256, content, created_at)
  VALUES ('piece.bin', 'application/octet-stream', 3000, 'x', readfile('$TMP/upload.bin'), 0)" &&
  ok "bundle: an uploaded file in the source" || fail "bundle: could not add a file"
checksums "$SOURCE" >"$TMP/bundle-source.sums"
tables_of() { grep -E '^[a-z_0-9]+ +[0-9]+  [0-9a-f]{64}$' "$1" | grep -Ev '^(data_version|table_changes) '; }

run "bundle: export from SQLite" "$BIN" export --bundle "$TMP/one.bundle" --database "$SOURCE"
gzip -t "$TMP/one.bundle" && tar tzf "$TMP/one.bundle" >"$TMP/members" &&
  diff <(printf 'manifest.json\nprogramme.sqlite\n') "$TMP/members" >/dev/null &&
  ok "bundle: a tar.gz of manifest.json and programme.sqlite, readable without fabrique" ||
  { fail "bundle: not the documented archive"; cat "$TMP/members"; }
diff <(tables_of "$TMP/bundle-source.sums") <(tables_of "$TMP/out") >"$TMP/diff" &&
  ok "bundle: export prints the source's counts and checksums" || { fail "bundle: export's sums differ"; cat "$TMP/diff"; }

BUNDLE_PG=$(pg_cluster_createdb bundled) || die "createdb failed"
run "bundle: import into an empty PostgreSQL" "$BIN" import --bundle "$TMP/one.bundle" --database "$BUNDLE_PG"
diff <(tables_of "$TMP/bundle-source.sums") <(tables_of "$TMP/out") >"$TMP/diff" &&
  ok "bundle: import on PostgreSQL prints the same counts and checksums as checksum on the source" ||
  { fail "bundle: PostgreSQL differs from the source"; cat "$TMP/diff"; }
diff <(tables_of "$TMP/bundle-source.sums") <(tables_of <(checksums "$BUNDLE_PG")) >/dev/null &&
  ok "bundle: fabrique checksum on PostgreSQL agrees" || fail "bundle: checksum on PostgreSQL differs"
[ "$("$PG_BIN/psql" -X -A -t -q "$BUNDLE_PG" -c "SELECT encode(sha256(content), 'hex') FROM files WHERE name = 'piece.bin'")" = \
  "$(sha256sum "$TMP/upload.bin" | cut -d' ' -f1)" ] && ok "bundle: the uploaded file arrived byte for byte" ||
  fail "bundle: the uploaded file differs"

run "bundle: export from PostgreSQL" "$BIN" export --bundle "$TMP/two.bundle" --database "$BUNDLE_PG"
run "bundle: import into a new SQLite" "$BIN" import --bundle "$TMP/two.bundle" --database "$TMP/bundle-back.db"
diff <(tables_of "$TMP/bundle-source.sums") <(tables_of "$TMP/out") >"$TMP/diff" &&
  ok "bundle: SQLite → PostgreSQL → SQLite keeps every count and checksum" ||
  { fail "bundle: the round trip differs"; cat "$TMP/diff"; }
start_node bundled "$TMP/bundle-back.db" || die "the node on the imported bundle did not start"
BUNDLED_PID=$NODE_PID
slug=$(sqlite3 "$TMP/bundle-back.db" "SELECT slug FROM coalitions ORDER BY id LIMIT 1")
[ "$(curl -sS -o /dev/null -w '%{http_code}' "http://127.0.0.1:$NODE_PORT/coalitions/$slug")" = 200 ] &&
  ok "bundle: the imported programme is served" || fail "bundle: the imported programme is not served"
curl -sS -G --data-urlencode "q=$(sqlite3 "$TMP/bundle-back.db" "SELECT title FROM coalitions ORDER BY id LIMIT 1")" \
  "http://127.0.0.1:$NODE_PORT/recherche" | grep -q "/coalitions/$slug" &&
  ok "bundle: the search index was rebuilt" || fail "bundle: search finds nothing on the import"
stop_pid "$BUNDLED_PID"; BUNDLED_PID=

# Refusals: nothing is changed.
unchanged() {  # unchanged NAME DATABASE SUMS_BEFORE
  diff <(grep -Ev '^(data_version|table_changes) ' "$3") <(checksums "$2" | grep -Ev '^(data_version|table_changes) ') >/dev/null &&
    ok "$1 leaves the database unchanged" || fail "$1 changed the database"
}
checksums "$BUNDLE_PG" >"$TMP/pg.sums"
refuse "bundle: import refuses a database that holds a programme" "already holds a programme" \
  "$BIN" import --bundle "$TMP/one.bundle" --database "$BUNDLE_PG"
unchanged "bundle: the refused import" "$BUNDLE_PG" "$TMP/pg.sums"
size=$(stat -c %s "$TMP/one.bundle")
head -c $((size / 2)) "$TMP/one.bundle" >"$TMP/truncated.bundle"
refuse "bundle: import refuses a truncated bundle" "incomplete" \
  "$BIN" import --bundle "$TMP/truncated.bundle" --database "$TMP/empty1.db"
[ ! -s "$TMP/empty1.db" ] || [ "$(sqlite3 "$TMP/empty1.db" "SELECT COUNT(*) FROM sqlite_master")" = 0 ] &&
  ok "bundle: the truncated import created nothing" || fail "bundle: the truncated import wrote to the database"
cp "$TMP/one.bundle" "$TMP/altered.bundle"
printf '\xff\xff\xff\xff' | dd of="$TMP/altered.bundle" bs=1 seek=$((size / 3)) conv=notrunc status=none
refuse "bundle: import refuses an altered bundle" "damaged" \
  "$BIN" import --bundle "$TMP/altered.bundle" --database "$TMP/empty2.db"
# Altered inside, then packed again as a valid archive: the manifest's checksums catch it.
mkdir -p "$TMP/repack" && tar xzf "$TMP/one.bundle" -C "$TMP/repack"
sqlite3 "$TMP/repack/programme.sqlite" "UPDATE coalitions SET title = 'Changée en route' WHERE id = (SELECT MIN(id) FROM coalitions)"
tar czf "$TMP/repacked.bundle" -C "$TMP/repack" manifest.json programme.sqlite
refuse "bundle: import refuses a repacked bundle whose data differ from the manifest" "checksums" \
  "$BIN" import --bundle "$TMP/repacked.bundle" --database "$TMP/empty3.db"
# A bundle from a newer schema than this program knows.
rm -rf "$TMP/newer" && mkdir -p "$TMP/newer" && tar xzf "$TMP/one.bundle" -C "$TMP/newer"
sed -i 's/"schema_version":[0-9]*/"schema_version":9999/' "$TMP/newer/manifest.json"
tar czf "$TMP/newer.bundle" -C "$TMP/newer" manifest.json programme.sqlite
refuse "bundle: import refuses a bundle from a newer schema" "newer version of fabrique" \
  "$BIN" import --bundle "$TMP/newer.bundle" --database "$TMP/empty4.db"
echo "not a bundle" >"$TMP/junk.bundle"
refuse "bundle: import refuses a file that is not a bundle" "not a fabrique bundle" \
  "$BIN" import --bundle "$TMP/junk.bundle" --database "$TMP/empty5.db"

finish
