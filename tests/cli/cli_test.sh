#!/usr/bin/env bash
# The fabrique command line as an operator uses it: help, migrate, user add, backup, serve's refusals.
# Usage: tests/cli/cli_test.sh PATH/TO/fabrique
set -u
bin=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
passed=0 failed=0
check() {  # check NAME COMMAND...: the command must succeed
  local name=$1; shift
  if "$@" >"$dir/out" 2>&1; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: $name"; cat "$dir/out"; fi
}
refuse() {  # refuse NAME EXPECTED_TEXT COMMAND...: the command must fail and say EXPECTED_TEXT
  local name=$1 text=$2; shift 2
  if "$@" >"$dir/out" 2>&1; then failed=$((failed + 1)); echo "FAIL: $name (it succeeded)"; cat "$dir/out"
  elif grep -q -- "$text" "$dir/out"; then passed=$((passed + 1))
  else failed=$((failed + 1)); echo "FAIL: $name (no '$text')"; cat "$dir/out"; fi
}

for c in serve migrate "user add" backup "config sample" "search reindex" routes "territories load" "donnees import"; do
  check "help of $c" bash -c "$bin $c --help | grep -q Usage"
done
db=$dir/site.db
refuse "serve refuses an unmigrated database" "fabrique migrate" "$bin" serve --database "$db" --listen 127.0.0.1:0
check "migrate creates the schema" bash -c "$bin migrate --database $db | grep -q 'schema version'"
check "migrate again applies nothing" bash -c "$bin migrate --database $db | grep -q '0 migration(s) applied'"
refuse "invalid option names it" "listen" "$bin" migrate --database "$db" --listen nowhere
refuse "invalid environment names it" "threads" env FABRIQUE_THREADS=lots "$bin" migrate --database "$db"
printf 'un mot de passe solide\n' > "$dir/pw"
check "user add reads the password file" "$bin" user add --admin --email anim@example.org --name "Anim" --password-file "$dir/pw" --database "$db"
check "the animateur exists" bash -c "sqlite3 $db \"SELECT role FROM users WHERE email_key='anim@example.org'\" | grep -q animateur"
check "the password is stored hashed" bash -c "! sqlite3 $db 'SELECT password_hash FROM users' | grep -q 'solide'"
refuse "user add refuses a duplicate" "already" "$bin" user add --email ANIM@example.org --name "Anim" --password-file "$dir/pw" --database "$db"
printf 'court\n' > "$dir/short"
refuse "user add refuses a short password" "10 characters" "$bin" user add --email b@example.org --name "B" --password-file "$dir/short" --database "$db"
check "backup writes a copy" "$bin" backup "$dir/copy.db" --database "$db"
check "the copy holds the data" bash -c "sqlite3 $dir/copy.db 'SELECT COUNT(*) FROM users' | grep -qx 1"
refuse "backup never overwrites" "exists" "$bin" backup "$dir/copy.db" --database "$db"
demo=$dir/demo.db
check "migrate a database for the demo" "$bin" migrate --database "$demo"
check "demo load" "$bin" demo load --database "$demo"
check "search reindex rebuilds an emptied index" bash -c "sqlite3 $demo 'DELETE FROM search_fts; DELETE FROM search_documents' &&
  $bin search reindex --database $demo | grep -q 'search index rebuilt: [1-9][0-9]* documents'"
check "the rebuilt index finds a demo coalition" bash -c "sqlite3 $demo \"SELECT COUNT(*) FROM search_fts WHERE search_fts MATCH 'numer*'\" | grep -qv '^0$'"
site=$dir/archive
refuse "export --static needs base_url" "base_url" "$bin" export --static "$site" --database "$demo"
check "export --static writes the demo as files, packed" "$bin" export --static "$site" --archive "$dir/archive.tar.gz" --base_url https://archive.example.org --database "$demo"
check "the archive lists the folder's pages" bash -c "tar tzf $dir/archive.tar.gz | grep -qx 'en/coalitions/index.html' && test -f $site/fr/coalitions/index.html"
refuse "export --static refuses a folder that is not empty" "not empty" "$bin" export --static "$site" --base_url https://archive.example.org --database "$demo"
refuse "search without reindex shows its usage" "Usage" "$bin" search
cog=$(dirname "$0")/../integration/cog
refuse "territories load names the folder it cannot read" "npm ci" "$bin" territories load --from "$dir/nowhere" --database "$demo"
check "territories load reads a COG" bash -c "$bin territories load --from $cog/a/data --database $demo | grep -q '12 added'"
check "a reload lists what left the COG" bash -c "$bin territories load --from $cog/b/data --database $demo | grep -q 'retired: 29075 Guipavas'"
portal=$(dirname "$0")/dcat_portal.jsonld
check "donnees import reads a portal's DCAT catalogue" bash -c "$bin donnees import $portal --database $demo | grep -q 'datasets imported: 2 created'"
check "the imported dataset is placed on its commune" bash -c "sqlite3 $demo \"SELECT t.key FROM datasets d JOIN territory_links l ON l.subject = 'dataset' AND l.subject_id = d.id JOIN territories t ON t.id = l.territory_id WHERE d.slug = 'niveaux-de-bruit-rennes'\" | grep -qx 35238"
check "importing it again changes nothing" bash -c "$bin donnees import $portal --database $demo | grep -q '0 created, 0 updated, 2 unchanged'"
refuse "donnees import refuses what is not a catalogue" "nothing imported" "$bin" donnees import "$dir/pw" --database "$demo"
check "routes lists the pages and the forms" bash -c "$bin routes | grep -qx 'GET /coalitions/{slug}' && $bin routes | grep -qx 'POST /connexion'"
refuse "unknown command" "unknown command" "$bin" frobnicate

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
