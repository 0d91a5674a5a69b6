#!/usr/bin/env bash
# Every page's uncached cost (issue #20): what the server spends rendering each page of the site, with
# the visitors' page cache off, anonymous and signed in.
#
#   bash bench/crawl.sh [BUILD_DIR]        (default: $BUILD or build; uses BUILD_DIR/fabrique, builds nothing)
#
# For each scale of BENCH_SCALES (default: BENCH_SCALE, else 1; "1 5" gives issue #20's large-programme
# table too):
# 1. Generates the programme at that scale (bench/generate.sh), adds the account that signs in.
# 2. Starts fabrique (BENCH_THREADS threads, 2) with --page_cache false and times its start-up: from the
#    process start to the first 200 of /. Signs in through the site a member (bench/generate.sh's reader)
#    and an animateur.
# 3. The crawl: every route of `fabrique routes` that answers GET, from the table below: each list page,
#    one instance of each detail page (the median one where sizes vary: the coalition with the median
#    booklet, the event with the median registrations…), the JSON, CSV, iCalendar, Atom and Turtle
#    exports; anonymous, then signed in as a member (pages only signed-in people see: signed in only; pages
#    for those who run the programme or edit a thing: as the animateur). A route that has no
#    instance in the generated programme, or answers something other than 200, is listed, not measured,
#    and so is a route missing from the table (BENCH_STRICT=1 then fails).
# 4. Each page is requested sequentially, on one keep-alive connection (wrk -t1 -c1), in runs of
#    BENCH_CRAWL_SECONDS (3) until the server has spent BENCH_CRAWL_CPU seconds of CPU on it (1) or
#    BENCH_CRAWL_WALL seconds (15) passed. Server CPU per request is the server's utime + stime
#    (/proc/PID/stat, all its threads) over the runs ÷ the requests: it does not depend much on what
#    else runs on the machine, unlike the latency (p50 of the first run, as wrk measures it).
#    The server's RssAnon and RssFile (/proc/PID/status) are read after each page: the highest of each
#    is reported separately (RssFile is mostly the database mapped in memory), with the pages after which
#    RssAnon grew by more than 8 MB.
# 5. nginx (BENCH_CRAWL_NGINX=1, default) serves the bytes of each page from a file, measured the same
#    way for BENCH_CRAWL_NGINX_SECONDS (1): "÷ nginx" is nginx's CPU per request over fabrique's, what the
#    two throughputs would compare to if CPU were all that counted.
# 6. Prints a Markdown report on stdout: the machine and its load (1-minute load average at the start
#    and the end of each scale; a loaded machine's figures are not the result), the data, start-up,
#    memory, one table per scale sorted by CPU per request with pages over 1 ms marked, the comparison
#    between scales (p50 and CPU, and their ratio to the first scale: target ≤ 2×), and draws
#    bench/crawl.svg (BENCH_CRAWL_SVG): CPU per request of every page, on a log scale, per scale.
#
# Knobs: BENCH_SCALES, BENCH_SCALE and the counts of bench/generate.sh, BENCH_THREADS (2), BENCH_CRAWL_SECONDS,
# BENCH_CRAWL_CPU, BENCH_CRAWL_WALL, BENCH_CRAWL_NGINX, BENCH_CRAWL_NGINX_SECONDS, BENCH_CRAWL_SVG,
# BENCH_CRAWL_ONLY (a grep -E pattern: crawl only the routes it matches), BENCH_STRICT, BENCH_KEEP=1 to keep
# the temporary directory.
# Everything started here is stopped, and the temporary directory removed, on exit.
set -euo pipefail

BUILD_DIR=${1:-${BUILD:-build}}
BIN=$BUILD_DIR/fabrique
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SCALES=${BENCH_SCALES:-${BENCH_SCALE:-1}}
THREADS=${BENCH_THREADS:-2}
CRAWL_SECONDS=${BENCH_CRAWL_SECONDS:-3}
CRAWL_CPU=${BENCH_CRAWL_CPU:-1}
CRAWL_WALL=${BENCH_CRAWL_WALL:-15}
CRAWL_NGINX_SECONDS=${BENCH_CRAWL_NGINX_SECONDS:-1}
CRAWL_NGINX=${BENCH_CRAWL_NGINX:-1}
SVG=${BENCH_CRAWL_SVG:-$HERE/crawl.svg}
ONLY=${BENCH_CRAWL_ONLY:-}
NGINX=${NGINX:-nginx}
TARGET_CPU_US=1000   # issue #20: every page ≤ 1 ms of server CPU uncached, at the bench size
TARGET_SCALE_RATIO=2 # issue #20: no page's p50 more than 2× its value at the bench size
TARGET_START_S=2     # issue #20: start-up ≤ 2 s
TARGET_ANON_MB=128   # issue #20: RssAnon ≤ 128 MB under load

die() { echo "bench: $*" >&2; exit 1; }
mb() { awk -v k="$1" 'BEGIN { printf "%.0f", k / 1024 }'; }
log() { echo "bench: $*" >&2; }

[ -x "$BIN" ] || die "$BIN not found: build first (make build, or cmake --build $BUILD_DIR --target fabrique)"
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
for tool in wrk curl sqlite3 awk timeout; do
  command -v "$tool" >/dev/null || die "'$tool' is not installed (make deps installs it)"
done
[ "$CRAWL_NGINX" = 0 ] || command -v "$NGINX" >/dev/null || die "'$NGINX' is not installed (or set BENCH_CRAWL_NGINX=0)"
SERVE_HELP=$("$BIN" serve --help 2>&1 || true)
grep -q -- '--page_cache' <<<"$SERVE_HELP" || die "$BIN has no --page_cache option: build a newer fabrique"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/fabrique-crawl.XXXXXX")
FABRIQUE_PID=
NGINX_PID=
source "$HERE/../scripts/nodes.sh"  # stop_pid, start_node, start_static
source "$HERE/generate.sh"          # set_scale, generate_programme, add_bench_reader, sign_in, median_coalition

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$FABRIQUE_PID"
  stop_pid "$NGINX_PID"
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "bench: kept $TMP" >&2; else rm -rf "$TMP"; fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() {  # cpu_ticks PID...: utime + stime of the processes and all their threads, in clock ticks
  local pid
  for pid in "$@"; do cat "/proc/$pid/stat" 2>/dev/null || true; done |
    awk '{ sub(/^.*\) /, ""); t += $12 + $13 } END { print t + 0 }'
}
status_kb() { awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status"; }  # status_kb PID FIELD
load3() { cut -d' ' -f1-3 /proc/loadavg; }

# ---------------------------------------------------------------------------------------------
# The crawl's table: every GET route of the site, and what is requested for it. Each line:
#   ROUTE (as `fabrique routes` prints it) | TARGET | who: both (anonymous, and signed in as a member),
#   signed (as a member only), animateur (pages for those who run the programme or edit the thing: as an
#   animateur), or skip (not measured: the reason in place of TARGET)
# (/sitemaps/N.xml exists only past sitemap_max_urls addresses: at the bench size it answers 404.)
# @name in a TARGET is an instance chosen in the generated programme (instances(), below).

ROUTES_TABLE=$(cat <<'TABLE'
/|/|both
/registres|/registres|both
/langue/{code}|answers with a redirection, no page|skip
/sitemap.xml|/sitemap.xml|both
/sitemaps/{part:int}.xml|/sitemaps/1.xml|both
/robots.txt|/robots.txt|both
/actualites.atom|/actualites.atom|both
/inscription|/inscription|both
/connexion|/connexion|both
/compte|/compte|signed
/inscription/envoyee|/inscription/envoyee|both
/inscription/confirmer|needs a mailed token|skip
/mot-de-passe-oublie|/mot-de-passe-oublie|both
/mot-de-passe-oublie/nouveau|needs a mailed token|skip
/compte/adresse|/compte/adresse|signed
/compte/adresse/confirmer|needs a mailed token|skip
/compte/donnees|/compte/donnees|signed
/compte/donnees.json|/compte/donnees.json|signed
/compte/supprimer|/compte/supprimer|signed
/compte/supprime|/compte/supprime|both
/compte/courriels|/compte/courriels|signed
/compte/notifications|/compte/notifications|signed
/courriels/desabonnement/{user:int}/{kind}/{token}|needs a mailed token|skip
/animation/courriels|/animation/courriels|animateur
/organisations|/organisations|both
/organisations.json|/organisations.json|both
/organisations.csv|/organisations.csv|both
/organisations/nouvelle|/organisations/nouvelle|signed
/organisations/types|/organisations/types|animateur
/organisations/{slug}|/organisations/@organisation|both
/organisations/{slug}.json|/organisations/@organisation.json|both
/organisations/{slug}.atom|/organisations/@organisation.atom|both
/organisations/{slug}/donnees|/organisations/@producer/donnees|both
/organisations/{slug}/modifier|/organisations/@reader_organisation/modifier|signed
/donnees|/donnees|both
/donnees.json|/donnees.json|both
/donnees.csv|/donnees.csv|both
/donnees/nouvelle|/donnees/nouvelle|signed
/donnees/catalogue|/donnees/catalogue|both
/donnees/catalogue.jsonld|/donnees/catalogue.jsonld|both
/donnees/catalogue.ttl|/donnees/catalogue.ttl|both
/donnees/demandes|/donnees/demandes|both
/donnees/demandes.json|/donnees/demandes.json|both
/donnees/demandes.csv|/donnees/demandes.csv|both
/donnees/demandes/nouvelle|/donnees/demandes/nouvelle|signed
/donnees/demandes/{id}|/donnees/demandes/@data_request|both
/donnees/demandes/{id}.json|/donnees/demandes/@data_request.json|both
/donnees/themes|/donnees/themes|animateur
/donnees/reutilisations|/donnees/reutilisations|both
/donnees/reutilisations.json|/donnees/reutilisations.json|both
/donnees/reutilisations.csv|/donnees/reutilisations.csv|both
/donnees/reutilisations/nouvelle|/donnees/reutilisations/nouvelle|signed
/donnees/reutilisations/{id:int}|/donnees/reutilisations/@reuse|both
/donnees/reutilisations/{id:int}.json|/donnees/reutilisations/@reuse.json|both
/donnees/reutilisations/{id:int}/modifier|only its author may edit it|skip
/donnees/{slug}|/donnees/@dataset|both
/donnees/{slug}.json|/donnees/@dataset.json|both
/donnees/{slug}/modifier|/donnees/@dataset/modifier|animateur
/donnees/{slug}/historique/comparer|/donnees/@dataset/historique/comparer?de=1&a=2|both
/coalitions|/coalitions|both
/coalitions.json|/coalitions.json|both
/coalitions.csv|/coalitions.csv|both
/coalitions/nouvelle|/coalitions/nouvelle|animateur
/coalitions/familles|/coalitions/familles|animateur
/coalitions/promotions|/coalitions/promotions|animateur
/coalitions/{slug}.json|/coalitions/@coalition.json|both
/coalitions/{slug}.atom|/coalitions/@coalition.atom|both
/coalitions/{slug}|/coalitions/@coalition|both
/coalitions/{slug}/modifier|/coalitions/@coalition/modifier|animateur
/coalitions/{slug}/historique|/coalitions/@coalition/historique|both
/coalitions/{slug}/historique.json|/coalitions/@coalition/historique.json|both
/coalitions/{slug}/historique/comparer|/coalitions/@coalition/historique/comparer?de=@revision_before&a=@revision|both
/coalitions/{slug}/historique/{number:int}|/coalitions/@coalition/historique/@revision|both
/coalitions/{slug}/historique/{number:int}.json|/coalitions/@coalition/historique/@revision.json|both
/coalitions/{slug}/evenements.ics|/coalitions/@coalition/evenements.ics|both
/evenements|/evenements|both
/evenements.json|/evenements.json|both
/evenements.csv|/evenements.csv|both
/evenements.ics|/evenements.ics|both
/evenements/agenda.ics|needs the personal calendar token|skip
/evenements/nouveau|/evenements/nouveau|animateur
/evenements/types|/evenements/types|animateur
/evenements/mes-inscriptions|/evenements/mes-inscriptions|signed
/evenements/{slug}.json|/evenements/@event.json|both
/evenements/{slug}.ics|/evenements/@event.ics|both
/evenements/{slug}|/evenements/@event|both
/evenements/{slug}/serie.atom|/evenements/@series_event/serie.atom|both
/evenements/{slug}/modifier|/evenements/@event/modifier|animateur
/evenements/{slug}/inscrits.csv|/evenements/@event/inscrits.csv|animateur
/evenements/{slug}/inscrits|/evenements/@event/inscrits|animateur
/evenements/{slug}/presences|/evenements/@event/presences|animateur
/evenements/{slug}/programme|/evenements/@event/programme|animateur
/evenements/{slug}/programme/nouvelle|/evenements/@event/programme/nouvelle|animateur
/evenements/{slug}/programme/{id:int}/modifier|/evenements/@event/programme/@slot/modifier|animateur
/evenements/{slug}/compte-rendu|/evenements/@event/compte-rendu|both
/evenements/{slug}/compte-rendu.json|/evenements/@event/compte-rendu.json|both
/evenements/{slug}/compte-rendu/modifier|/evenements/@event/compte-rendu/modifier|animateur
/evenements/{slug}/compte-rendu/historique|/evenements/@event/compte-rendu/historique|both
/evenements/{slug}/compte-rendu/historique.json|/evenements/@event/compte-rendu/historique.json|both
/evenements/{slug}/compte-rendu/historique/comparer|/evenements/@event/compte-rendu/historique/comparer?de=1&a=3|both
/evenements/{slug}/compte-rendu/elements/nouveau|/evenements/@event/compte-rendu/elements/nouveau|animateur
/evenements/{slug}/compte-rendu/elements/{id:int}/modifier|/evenements/@event/compte-rendu/elements/@minutes_item/modifier|animateur
/evenements/{slug}/compte-rendu/pieces/nouvelle|/evenements/@event/compte-rendu/pieces/nouvelle|animateur
/evenements/{slug}/compte-rendu/pieces/{id:int}|a file download: the generated programme has no attachments|skip
/propositions|/propositions|both
/propositions.json|/propositions.json|both
/propositions/nouvelle|/propositions/nouvelle|signed
/coalitions/{slug}/invitations|/coalitions/@coalition/invitations|animateur
/evenements/{slug}/invitations|/evenements/@event/invitations|animateur
/invitations/accepter|needs a mailed token|skip
/evenements/{slug}/dates|/evenements/@event/dates|signed
/evenements/{slug}/groupes|/evenements/@event/groupes|animateur
/evenements/{slug}/groupes/{id:int}|the generated programme has no breakout groups|skip
/feuille-de-route|/feuille-de-route|both
/feuille-de-route.csv|/feuille-de-route.csv|both
/feuille-de-route.json|/feuille-de-route.json|both
/tableau-de-bord|/tableau-de-bord|both
/tableau-de-bord.json|/tableau-de-bord.json|both
/tableau-de-bord/{table}.csv|/tableau-de-bord/coalitions.csv|both
/coalitions/{slug}/feuille-de-route|/coalitions/@coalition/feuille-de-route|both
/coalitions/{slug}/feuille-de-route.json|/coalitions/@coalition/feuille-de-route.json|both
/coalitions/{slug}/feuille-de-route/{id:int}|/coalitions/@coalition/feuille-de-route/@action|both
/coalitions/{slug}/feuille-de-route/{id:int}.json|/coalitions/@coalition/feuille-de-route/@action.json|both
/coalitions/{slug}/feuille-de-route/{id:int}/historique|/coalitions/@coalition/feuille-de-route/@action/historique|both
/coalitions/{slug}/feuille-de-route/{id:int}/historique.json|/coalitions/@coalition/feuille-de-route/@action/historique.json|both
/evenements/{slug}/compte-rendu/elements/{id:int}/action|/evenements/@event/compte-rendu/elements/@next_step/action|animateur
/coalitions/{slug}/impact|/coalitions/@coalition/impact|both
/coalitions/{slug}/impact.json|/coalitions/@coalition/impact.json|both
/coalitions/{slug}/impact/{id:int}/mesures.csv|/coalitions/@coalition/impact/@indicator/mesures.csv|both
/coalitions/{slug}/impact/{id:int}|/coalitions/@coalition/impact/@indicator|both
/coalitions/{slug}/impact/{id:int}.json|/coalitions/@coalition/impact/@indicator.json|both
/coalitions/{slug}/impact/{id:int}/mesures/{measure:int}|/coalitions/@coalition/impact/@indicator/mesures/@measurement|animateur
/journal|/journal|both
/journal.json|/journal.json|both
/journal.atom|/journal.atom|both
/journal/coalitions/{slug}.atom|/journal/coalitions/@post_coalition.atom|both
/journal/ecrire|/journal/ecrire|animateur
/journal/lettres|/journal/lettres|both
/journal/lettres.json|/journal/lettres.json|both
/journal/lettres/ecrire|/journal/lettres/ecrire|animateur
/journal/lettres/{id:int}|/journal/lettres/@letter|both
/journal/lettres/{id:int}.json|/journal/lettres/@letter.json|both
/journal/{slug}|/journal/@post|both
/journal/{slug}.json|/journal/@post.json|both
/journal/{slug}/modifier|/journal/@post/modifier|animateur
/journal/{slug}/historique/comparer|/journal/@post/historique/comparer?de=1&a=2|animateur
/recherche|/recherche?q=numerique+responsable|both
/recherche.json|/recherche.json?q=numerique+responsable|both
/ressources|/ressources|both
/ressources.json|/ressources.json|both
/ressources.csv|/ressources.csv|both
/ressources/proposer|/ressources/proposer|signed
/ressources/{slug}|/ressources/@resource|both
/ressources/{slug}.json|/ressources/@resource.json|both
/ressources/{slug}/fichier|a file download: the generated resources are links|skip
/ressources/{slug}/modifier|/ressources/@resource/modifier|animateur
/ressources/{slug}/historique/comparer|/ressources/@resource/historique/comparer?de=1&a=2|both
/charte|/charte|both
/charte.json|/charte.json|both
/charte/signataires|/charte/signataires|both
/charte/signataires.json|/charte/signataires.json|both
/charte/versions|/charte/versions|both
/charte/versions.json|/charte/versions.json|both
/charte/versions/nouvelle|/charte/versions/nouvelle|animateur
/charte/versions/{number:int}|/charte/versions/@charter_version|both
/charte/versions/{number:int}.json|/charte/versions/@charter_version.json|both
/charte/versions/{number:int}/modifier|/charte/versions/@charter_version/modifier|animateur
/charte/versions/{number:int}/adopter|/charte/versions/@charter_version/adopter|animateur
/boussole|/boussole|both
/boussole.json|/boussole.json|both
/boussole.csv|/boussole.csv|both
/boussole/proposer|/boussole/proposer|signed
/boussole/{slug}|/boussole/@card|both
/boussole/{slug}.json|/boussole/@card.json|both
/boussole/{slug}/modifier|/boussole/@card/modifier|animateur
/boussole/{slug}/historique/comparer|/boussole/@card/historique/comparer?de=1&a=1|both
/territoires|/territoires|both
/territoires.json|/territoires.json|both
/territoires/{key}.json|/territoires/@territory.json|both
/territoires/{key}|/territoires/@territory|both
/decisions|/decisions|both
/decisions.json|/decisions.json|both
/decisions/nouvelle|/decisions/nouvelle|animateur
/decisions/{id:int}|/decisions/@decision|both
/decisions/{id:int}.json|/decisions/@decision.json|both
/observatoire|/observatoire|both
/observatoire.json|/observatoire.json|both
/observatoire.csv|/observatoire.csv|both
/observatoire/changements.atom|/observatoire/changements.atom|both
/observatoire/nouvelle|/observatoire/nouvelle|signed
/observatoire/contributions|/observatoire/contributions|signed
/observatoire/contributions/{id:int}|the generated programme has no contributions|skip
/observatoire/editeurs|/observatoire/editeurs|animateur
/observatoire/organismes/{slug}|/observatoire/organismes/@body|both
/observatoire/organismes/{slug}.json|/observatoire/organismes/@body.json|both
/observatoire/{slug}.json|/observatoire/@entry.json|both
/observatoire/{slug}|/observatoire/@entry|both
/observatoire/{slug}/historique|/observatoire/@entry/historique|both
/observatoire/{slug}/historique.json|/observatoire/@entry/historique.json|both
/observatoire/{slug}/modifier|/observatoire/@entry/modifier|animateur
/observatoire/{slug}/proposer|/observatoire/@entry/proposer|signed
TABLE
)

# The instances the crawl requests, chosen in the generated programme: the median one where sizes vary.
declare -A INST
instances() {  # instances DB
  local db=$1 name value
  INST=()
  median_coalition "$db"
  INST[coalition]=$SLUG
  INST[revision]=$((N_REVISIONS / 2 + 1))
  INST[revision_before]=$((N_REVISIONS / 2))
  while IFS='|' read -r name value; do INST[$name]=$value; done < <(sqlite3 "$db" "
    SELECT 'organisation', slug FROM organisations o ORDER BY (SELECT COUNT(*) FROM user_organisations m WHERE m.organisation_id = o.id), id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM organisations);
    SELECT 'reader_organisation', slug FROM organisations WHERE id = 1;
    SELECT 'producer', o.slug FROM organisations o JOIN (SELECT producer_id, COUNT(*) AS n FROM datasets GROUP BY producer_id) d
      ON d.producer_id = o.id ORDER BY d.n, o.id LIMIT 1 OFFSET (SELECT COUNT(DISTINCT producer_id) / 2 FROM datasets);
    SELECT 'dataset', d.slug FROM datasets d ORDER BY (SELECT COUNT(*) FROM reuse_datasets r WHERE r.dataset_id = d.id), length(d.description), d.id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM datasets);
    SELECT 'reuse', id FROM reuses ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM reuses);
    SELECT 'data_request', id FROM data_requests ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM data_requests);
    SELECT 'event', e.slug FROM events e JOIN (SELECT event_id, COUNT(*) AS n FROM registrations GROUP BY event_id) r ON r.event_id = e.id
      WHERE e.minutes_revision >= 3 AND e.status = 'confirmed'
      ORDER BY r.n, e.id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM events WHERE minutes_revision >= 3 AND status = 'confirmed');
    SELECT 'series_event', slug FROM events WHERE series_id IS NOT NULL ORDER BY id LIMIT 1;
    SELECT 'letter', id FROM newsletters ORDER BY id LIMIT 1;
    SELECT 'post', slug FROM posts WHERE status = 'published' ORDER BY length(body), id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM posts WHERE status = 'published');
    SELECT 'resource', slug FROM resources WHERE status = 'published' AND revision >= 2 ORDER BY length(description), id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM resources WHERE status = 'published' AND revision >= 2);
    SELECT 'charter_version', MAX(number) FROM charter_versions HAVING COUNT(*) > 0;
    SELECT 'card', slug FROM boussole_cards WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM boussole_cards);
    SELECT 'territory', t.key FROM territories t JOIN (SELECT a.ancestor_id, COUNT(*) AS n FROM territory_links l
      JOIN territory_ancestors a ON a.territory_id = l.territory_id GROUP BY a.ancestor_id) c ON c.ancestor_id = t.id
      WHERE t.level = 'departement' ORDER BY c.n, t.id LIMIT 1 OFFSET
      (SELECT COUNT(DISTINCT a.ancestor_id) / 2 FROM territory_links l JOIN territory_ancestors a ON a.territory_id = l.territory_id
       JOIN territories t ON t.id = a.ancestor_id WHERE t.level = 'departement');
    SELECT 'decision', d.id FROM decisions d ORDER BY (SELECT COUNT(*) FROM decision_answers a WHERE a.decision_id = d.id), d.id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM decisions);
    SELECT 'body', b.slug FROM observatory_bodies b ORDER BY (SELECT COUNT(*) FROM observatory_entries e WHERE e.body_id = b.id), b.id
      LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM observatory_bodies);
    SELECT 'entry', slug FROM observatory_entries ORDER BY length(document), id LIMIT 1 OFFSET (SELECT COUNT(*) / 2 FROM observatory_entries);
    ")
  while IFS='|' read -r name value; do INST[$name]=$value; done < <(sqlite3 "$db" "
    SELECT 'action', a.id FROM actions a JOIN coalitions k ON k.id = a.coalition_id WHERE k.slug = '${INST[coalition]}'
      AND a.parent_id IS NULL ORDER BY a.id LIMIT 1;
    SELECT 'indicator', i.id FROM indicators i JOIN coalitions k ON k.id = i.coalition_id WHERE k.slug = '${INST[coalition]}' ORDER BY i.id LIMIT 1;
    SELECT 'slot', s.id FROM event_slots s JOIN events e ON e.id = s.event_id WHERE e.slug = '${INST[event]:-}' ORDER BY s.id LIMIT 1;
    SELECT 'minutes_item', m.id FROM minutes_items m JOIN events e ON e.id = m.event_id WHERE e.slug = '${INST[event]:-}' ORDER BY m.id LIMIT 1;
    SELECT 'next_step', m.id FROM minutes_items m JOIN events e ON e.id = m.event_id WHERE e.slug = '${INST[event]:-}'
      AND m.kind = 'next_step' ORDER BY m.id LIMIT 1;
    SELECT 'post_coalition', k.slug FROM post_links l JOIN coalitions k ON k.id = l.coalition_id JOIN posts p ON p.id = l.post_id
      WHERE p.slug = '${INST[post]:-}' LIMIT 1;
    ")
  if [ -n "${INST[indicator]:-}" ]; then
    INST[measurement]=$(sqlite3 "$db" "SELECT id FROM measurements WHERE indicator_id = ${INST[indicator]} ORDER BY id LIMIT 1")
  fi
}

expand() {  # expand TARGET: TARGET with each @name replaced by its instance; fails when one has none
  local out=$1 name
  while [[ $out =~ @([a-z_]+) ]]; do
    name=${BASH_REMATCH[1]}
    [ -n "${INST[$name]:-}" ] || return 1
    out=${out//@$name/${INST[$name]}}
  done
  printf '%s' "$out"
}
missing() {  # missing TARGET: the first @name of TARGET without an instance
  local rest=$1
  while [[ $rest =~ @([a-z_]+)(.*) ]]; do
    [ -n "${INST[${BASH_REMATCH[1]}]:-}" ] || { printf '%s' "${BASH_REMATCH[1]}"; return; }
    rest=${BASH_REMATCH[2]}
  done
}

# ---------------------------------------------------------------------------------------------
# Measuring one page: batches of sequential requests on one connection, until enough server CPU.

to_ms() {  # wrk latency ("812.00us", "1.23ms", "1.05s") to milliseconds
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000
    printf "%.2f", n }'
}

# measure URL COOKIE SECONDS MIN_CPU PIDS...: runs of `wrk -t1 -c1 -d SECONDS` (one connection: sequential
# requests) until PIDS spent MIN_CPU seconds of CPU, or BENCH_CRAWL_WALL seconds passed; prints
# "requests cpu_us p50_ms ticks" (p50 of the first run), or "error WHAT".
measure() {
  local url=$1 cookie=$2 seconds=$3 min_cpu=$4
  shift 4
  local -a pids=("$@") header=()
  [ -n "$cookie" ] && header=(-H "$cookie")
  local requests=0 ticks=0 wall=0 p50="" t0 t1 n out=$TMP/wrk.out
  while :; do
    t0=$(cpu_ticks "${pids[@]}")
    timeout $((seconds + 60)) wrk -t1 -c1 -d"${seconds}s" --timeout 30s --latency "${header[@]}" "$url" >"$out" 2>&1 ||
      { echo "error wrk failed: $(tr '\n' ' ' <"$out")"; return 0; }
    t1=$(cpu_ticks "${pids[@]}")
    if grep -q 'Non-2xx\|Socket errors' "$out"; then
      echo "error $(grep 'Non-2xx\|Socket errors' "$out" | head -1 | sed 's/^ *//')"
      return 0
    fi
    n=$(awk '$2 == "requests" && $3 == "in" { print $1 }' "$out")
    [ -n "$p50" ] || p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
    requests=$((requests + ${n:-0}))
    ticks=$((ticks + t1 - t0))
    wall=$((wall + seconds))
    awk -v t="$ticks" -v hz="$CLK_TCK" -v cpu="$min_cpu" 'BEGIN { exit !(t / hz >= cpu) }' && break
    [ "$wall" -ge "$CRAWL_WALL" ] && break
  done
  [ "$requests" -gt 0 ] || { echo "error no request completed"; return 0; }
  awk -v n="$requests" -v t="$ticks" -v hz="$CLK_TCK" -v p="$p50" 'BEGIN { printf "%d %.0f %s %d\n", n, t * 1e6 / hz / n, p, t }'
}

# ---------------------------------------------------------------------------------------------
# One scale: generate, start, crawl. Results in $TMP/results.tsv:
#   scale  route  who(anonymous|signed in|animateur)  target  bytes  content_type  requests  cpu_us  p50_ms  ticks
#   nginx_cpu_us(- until measured)  body_file
# and what was not measured in $TMP/skipped.tsv: scale  route  who  reason.

RESULTS=$TMP/results.tsv
SKIPPED=$TMP/skipped.tsv
: >"$RESULTS"
: >"$SKIPPED"
declare -A START_S ANON_KB ANON_STEPS FILE_KB HWM_KB LOAD_START LOAD_END DATA DATA_MB DATA_S TERRITORIES WHEN

crawl_scale() {  # crawl_scale SCALE
  local scale=$1 db=$TMP/fabrique-$1.db url t0 ready code
  set_scale "$scale"
  log "scale $scale: generating the programme"
  generate_programme "$db"
  add_bench_reader "$db"
  add_bench_animateur "$db"
  DATA[$scale]=$COUNTS
  DATA_MB[$scale]=$DB_MB
  DATA_S[$scale]=$GEN_SECONDS
  TERRITORIES[$scale]=$TERRITORIES_NOTE
  instances "$db"
  # Start-up: from the process start to the first 200 of / (start_node waits for the address, then /).
  # The kernel's page cache holds the database either way: it was just written.
  t0=$(date +%s.%N)
  NODE_THREADS=$THREADS
  start_node fabrique "$db" --page_cache false || die "fabrique did not start"
  FABRIQUE_PID=$NODE_PID
  url=http://127.0.0.1:$NODE_PORT
  ready=
  for _ in $(seq 1000); do
    code=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$url/" || true)
    [ "$code" = 200 ] && { ready=$(date +%s.%N); break; }
    sleep 0.01
  done
  [ -n "$ready" ] || die "fabrique did not answer 200 on / within 10 s"
  START_S[$scale]=$(awk -v a="$t0" -v b="$ready" 'BEGIN { printf "%.2f", b - a }')
  log "scale $scale: fabrique (pid $FABRIQUE_PID, $THREADS threads, --page_cache false) answered / in ${START_S[$scale]} s"
  sign_in "$url" "$BENCH_EMAIL"
  MEMBER_COOKIE=$SIGNED_COOKIE
  sign_in "$url" "$BENCH_ANIMATEUR_EMAIL"
  ANIMATEUR_COOKIE=$SIGNED_COOKIE
  LOAD_START[$scale]=$(load3)
  WHEN[$scale]=$(date -u '+%Y-%m-%d %H:%M')
  ANON_KB[$scale]=0 ANON_STEPS[$scale]= FILE_KB[$scale]=0

  local route target who w cookie expanded result requests cpu p50 ticks bytes ctype n=0 k
  while IFS='|' read -r route target who; do
    [ -n "$ONLY" ] && ! grep -qE -- "$ONLY" <<<"$route" && continue
    if [ "$who" = skip ]; then
      printf '%s\t%s\t%s\t%s\n' "$scale" "$route" "-" "$target" >>"$SKIPPED"
      continue
    fi
    local -a wholist=("signed in")
    [ "$who" = both ] && wholist=("anonymous" "signed in")
    [ "$who" = animateur ] && wholist=("animateur")
    for w in "${wholist[@]}"; do
      cookie=
      [ "$w" = "signed in" ] && cookie=$MEMBER_COOKIE
      [ "$w" = animateur ] && cookie=$ANIMATEUR_COOKIE
      if ! expanded=$(expand "$target"); then
        printf '%s\t%s\t%s\t%s\n' "$scale" "$route" "$w" "no instance of @$(missing "$target") in the generated programme" >>"$SKIPPED"
        continue
      fi
      # The page once: its status, bytes and type, kept for nginx.
      n=$((n + 1))
      local -a h=()
      [ -n "$cookie" ] && h=(-H "$cookie")
      read -r code bytes ctype < <(curl -sS --max-time 60 "${h[@]}" -o "$TMP/page-$scale-$n" \
        -w '%{http_code} %{size_download} %{content_type}\n' "$url$expanded" || echo "000 0 -")
      if [ "$code" != 200 ]; then
        printf '%s\t%s\t%s\t%s\n' "$scale" "$route" "$w" "answered $code ($expanded)" >>"$SKIPPED"
        continue
      fi
      result=$(measure "$url$expanded" "$cookie" "$CRAWL_SECONDS" "$CRAWL_CPU" "$FABRIQUE_PID")
      if [[ $result == error* ]]; then
        printf '%s\t%s\t%s\t%s\n' "$scale" "$route" "$w" "${result#error } during the measurement ($expanded)" >>"$SKIPPED"
        continue
      fi
      read -r requests cpu p50 ticks <<<"$result"
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$scale" "$route" "$w" "$expanded" "$bytes" "${ctype%%;*}" \
        "$requests" "$cpu" "$p50" "$ticks" "-" "$TMP/page-$scale-$n" >>"$RESULTS"
      anon=$(status_kb "$FABRIQUE_PID" RssAnon)
      if [ "$anon" -gt "${ANON_KB[$scale]}" ]; then
        # Where memory grew by more than 8 MB: the pages that raised the peak, named in the report.
        [ "$anon" -gt $((ANON_KB[$scale] + 8192)) ] && ANON_STEPS[$scale]+="\`$route\` ($w) $(mb "$anon") MB; "
        ANON_KB[$scale]=$anon
      fi
      v=$(status_kb "$FABRIQUE_PID" RssFile)
      [ "$v" -gt "${FILE_KB[$scale]}" ] && FILE_KB[$scale]=$v
      log "$(printf 'scale %s %-10s %-60s %6s req %7s µs CPU/req  p50 %7s ms  %8s bytes  RssAnon %4s MB  load %s' "$scale" "$w" \
        "$route" "$requests" "$cpu" "$p50" "$bytes" "$(mb "$anon")" "$(cut -d' ' -f1 /proc/loadavg)")"
    done
  done <<<"$ROUTES_TABLE"
  HWM_KB[$scale]=$(status_kb "$FABRIQUE_PID" VmHWM)
  LOAD_END[$scale]=$(load3)
  stop_pid "$FABRIQUE_PID"
  FABRIQUE_PID=
  rm -f "$db"
}

# Routes of the site missing from the table: a new route the crawl does not know yet.
UNLISTED=$("$BIN" routes | awk -F'|' -v table="$ROUTES_TABLE" '
  BEGIN { n = split(table, line, "\n"); for (i = 1; i <= n; i++) { split(line[i], f, "|"); known[f[1]] = 1 } }
  { split($0, w, " ") } w[1] == "GET" && !(w[2] in known) { print w[2] }')
[ -z "$UNLISTED" ] || log "GET routes missing from the crawl's table: $(echo "$UNLISTED" | tr '\n' ' ')"

for scale in $SCALES; do crawl_scale "$scale"; done

# ---------------------------------------------------------------------------------------------
# nginx serving each page's bytes from a file, measured the same way: the floor a page could cost.

if [ "$CRAWL_NGINX" != 0 ] && [ -s "$RESULTS" ]; then
  mkdir -p "$TMP/www"
  awk -F'\t' '{ print NR "\t" $12 }' "$RESULTS" | while IFS=$'\t' read -r row file; do ln -s "$file" "$TMP/www/$row"; done
  STATIC_WORKERS=$THREADS
  start_static "$TMP/www" "" || die "nginx did not start"
  NGINX_PID=$STATIC_PID
  NPORT=$STATIC_PORT
  mapfile -t NGINX_PIDS < <(echo "$NGINX_PID"; pgrep -P "$NGINX_PID")
  log "nginx (pid $NGINX_PID, $THREADS workers) serves the bytes of each page on 127.0.0.1:$NPORT"
  : >"$TMP/results.nginx"
  row=0
  while IFS=$'\t' read -r -a f; do
    row=$((row + 1))
    curl -sS --max-time 5 "http://127.0.0.1:$NPORT/$row" | cmp -s - "${f[11]}" || die "nginx does not serve the bytes of ${f[1]}"
    result=$(measure "http://127.0.0.1:$NPORT/$row" "" "$CRAWL_NGINX_SECONDS" 0 "${NGINX_PIDS[@]}")
    [[ $result == error* ]] && die "nginx: ${result#error } for ${f[1]}"
    read -r _ ncpu _ _ <<<"$result"
    f[10]=$ncpu
    (IFS=$'\t'; echo "${f[*]}") >>"$TMP/results.nginx"
  done <"$RESULTS"
  mv "$TMP/results.nginx" "$RESULTS"
  stop_pid "$NGINX_PID"
  NGINX_PID=
fi

# ---------------------------------------------------------------------------------------------
# Report (Markdown on stdout) and chart.

pass_miss() { if [ "$1" = 1 ]; then echo PASS; else echo MISS; fi; }
FIRST=${SCALES%% *}
echo
echo "## Every page uncached — $(date -u '+%Y-%m-%d') UTC"
echo
echo "Machine: $(nproc) cores, $(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)," \
  "$(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM. The 1-minute load average is given for each scale:"
echo "figures taken while it is well above 0 were measured on a shared machine and are not the result."
echo "Command: \`BENCH_SCALES=\"$SCALES\" bash bench/crawl.sh\`. fabrique $THREADS threads, \`--page_cache false --log_requests false\`."
echo "Client: wrk -t1 -c1 on the same machine (sequential requests on one keep-alive connection, no compression), in runs of"
echo "${CRAWL_SECONDS} s until the server spent ${CRAWL_CPU} s of CPU on the page (or ${CRAWL_WALL} s passed). CPU per request: the server's"
echo "utime + stime (/proc/PID/stat) over the requests ÷ their number. p50: wrk's, of the first run."
[ "$CRAWL_NGINX" != 0 ] && echo "\"÷ nginx\": nginx $("$NGINX" -v 2>&1 | sed 's|.*nginx/||') ($THREADS workers) serving the same bytes from a file, its CPU per request over fabrique's."
missed=0
for scale in $SCALES; do
  echo
  echo "### Scale $scale (${WHEN[$scale]} UTC; load average ${LOAD_START[$scale]} at the start, ${LOAD_END[$scale]} at the end)"
  echo
  echo "Data: ${DATA[$scale]}; ${TERRITORIES[$scale]}. Database ${DATA_MB[$scale]} MB, generated in ${DATA_S[$scale]} s."
  ok=$(awk -v s="${START_S[$scale]}" -v t="$TARGET_START_S" 'BEGIN { print (s <= t) ? 1 : 0 }')
  echo "Start-up (process start to the first 200 of /): ${START_S[$scale]} s — $(pass_miss "$ok") (target ≤ $TARGET_START_S s)."
  ok=$([ "${ANON_KB[$scale]}" -le $((TARGET_ANON_MB * 1024)) ] && echo 1 || echo 0)
  echo "Memory during the crawl, highest values: RssAnon $(mb "${ANON_KB[$scale]}") MB — $(pass_miss "$ok") (target ≤ $TARGET_ANON_MB MB);" \
    "RssFile $(mb "${FILE_KB[$scale]}") MB (file-backed: the binary, and the database mapped in memory); VmHWM $(mb "${HWM_KB[$scale]}") MB (peak RSS, sign-in included)."
  [ -z "${ANON_STEPS[$scale]}" ] || echo "RssAnon grew by more than 8 MB after: ${ANON_STEPS[$scale]%; }."
  echo
  echo "| page | as | requested | bytes | type | requests | server CPU µs/req | p50 ms | ÷ nginx |"
  echo "|---|---|---|---:|---|---:|---:|---:|---:|"
  awk -F'\t' -v s="$scale" -v t="$TARGET_CPU_US" '$1 == s' "$RESULTS" | sort -t$'\t' -k8,8nr |
    awk -F'\t' -v t="$TARGET_CPU_US" '{
      cpu = ($8 > t) ? "**" $8 " ⚠**" : $8
      ratio = ($11 != "-" && $8 > 0) ? sprintf("%.2g×", $11 / $8) : "n/a"
      gsub(/\|/, "\\|", $4)
      printf "| `%s` | %s | `%s` | %d | %s | %d | %s | %s | %s |\n", $2, $3, $4, $5, $6, $7, cpu, $9, ratio }'
  read -r measured over < <(awk -F'\t' -v s="$scale" -v t="$TARGET_CPU_US" '$1 == s { n++; if ($8 > t) o++ } END { print n + 0, o + 0 }' "$RESULTS")
  echo
  echo "$measured pages measured; $over over $TARGET_CPU_US µs of server CPU per request (⚠)."
  if [ "$scale" = 1 ]; then
    ok=$([ "$over" = 0 ] && [ "$measured" -gt 0 ] && echo 1 || echo 0)
    echo "- $(pass_miss "$ok"): every page ≤ $TARGET_CPU_US µs of server CPU per request uncached at the bench size ($over over)"
    [ "$ok" = 1 ] || missed=1
  fi
done

echo
echo "### Not measured"
echo
echo "| scale | route | as | why |"
echo "|---|---|---|---|"
awk -F'\t' '{ printf "| %s | `%s` | %s | %s |\n", $1, $2, $3, $4 }' "$SKIPPED"
if [ -n "$UNLISTED" ]; then
  echo
  echo "GET routes missing from the crawl's table (bench/crawl.sh): $(echo "$UNLISTED" | sed 's/.*/`&`/' | tr '\n' ' ')"
  missed=1
fi

# The same pages at the other scales, against the first one (issue #20: p50 at most 2× the bench size's).
if [ "$SCALES" != "$FIRST" ]; then
  for scale in ${SCALES#"$FIRST"}; do
    echo
    echo "### Scale $scale against scale $FIRST (target: each page's p50 ≤ ${TARGET_SCALE_RATIO}× its value at scale $FIRST)"
    echo
    echo "| page | as | p50 ms at $FIRST | p50 ms at $scale | ratio | CPU µs/req at $FIRST | at $scale | ratio |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|"
    awk -F'\t' -v a="$FIRST" -v b="$scale" -v t="$TARGET_SCALE_RATIO" '
      $1 == a { p[$2 "\t" $3] = $9; c[$2 "\t" $3] = $8; order[++n] = $2 "\t" $3 }
      $1 == b { q[$2 "\t" $3] = $9; d[$2 "\t" $3] = $8 }
      END {
        for (i = 1; i <= n; i++) {
          k = order[i]; if (!(k in q)) continue
          both++
          split(k, kk, "\t")
          r = p[k] > 0 ? q[k] / p[k] : 0; rc = c[k] > 0 ? d[k] / c[k] : 0
          rs = sprintf("%.2f×", r); if (r > t) { rs = "**" rs " ⚠**"; bad++ }
          printf "| `%s` | %s | %s | %s | %s | %s | %s | %.2f× |\n", kk[1], kk[2], p[k], q[k], rs, c[k], d[k], rc
        }
        printf "\n%d pages measured at both scales; %d with a p50 over %s× (⚠).\n", both + 0, bad + 0, t
      }' "$RESULTS"
  done
fi

# The chart: CPU per request of every page, one bar per scale, on a log scale; the 1 ms target in red.
awk -F'\t' -v scales="$SCALES" -v target="$TARGET_CPU_US" -v first="$FIRST" '
  function esc(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); return s }
  function x(v) { if (v < lo) v = lo; return left + width * (log(v) - log(lo)) / (log(hi) - log(lo)) }
  BEGIN { ns = split(scales, sc, " "); lo = 10; hi = 100 }
  { k = $2 "\t" $3; cpu[$1, k] = $8; ng[$1, k] = $11; if (!(k in seen)) { seen[k] = 1; keys[++n] = k }
    if ($1 == first) firstcpu[k] = $8; while ($8 > hi) hi *= 10 }
  END {
    # Rows sorted by CPU at the first scale, highest first (insertion sort: a few hundred rows).
    for (i = 2; i <= n; i++) { v = keys[i]; j = i - 1
      while (j >= 1 && firstcpu[keys[j]] + 0 < firstcpu[v] + 0) { keys[j + 1] = keys[j]; j-- } keys[j + 1] = v }
    left = 440; width = 420; bar = 11; rowh = ns * bar + 5; top = 70
    h = top + n * rowh + 30
    printf "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n", left + width + 130, h
    printf "<title>fabrique: server CPU per request of every page, uncached</title>\n"
    printf "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>\n"
    printf "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Server CPU per request, every page uncached (µs, log scale)</text>\n"
    split("#3465a4 #e08a1e #4e9a06 #75507b", colour, " ")
    for (s = 1; s <= ns; s++) {
      printf "<rect x=\"%d\" y=\"30\" width=\"12\" height=\"10\" fill=\"%s\"/><text x=\"%d\" y=\"39\">scale %s</text>\n", 10 + (s - 1) * 90, colour[s], 26 + (s - 1) * 90, sc[s]
    }
    printf "<text x=\"%d\" y=\"39\" fill=\"#c00\">red line: the 1 ms target · ÷ nginx: nginx CPU per request ÷ fabrique CPU per request</text>\n", 10 + ns * 90
    for (v = lo; v <= hi; v *= 10) {
      printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ccc\"/>", x(v), top - 8, x(v), h - 25
      printf "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#555\">%s</text>\n", x(v), top - 12, (v >= 1000 ? v / 1000 " ms" : v " µs")
    }
    printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>\n", x(target), top - 8, x(target), h - 25
    for (i = 1; i <= n; i++) {
      split(keys[i], kk, "\t"); y = top + (i - 1) * rowh
      printf "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s%s</text>\n", left - 6, y + bar, esc(kk[1]), (kk[2] == "anonymous" ? "" : " (" kk[2] ")")
      for (s = 1; s <= ns; s++) {
        if (!((sc[s], keys[i]) in cpu)) continue
        v = cpu[sc[s], keys[i]]; yy = y + (s - 1) * bar
        label = v " µs"; if (ng[sc[s], keys[i]] != "-" && v > 0) label = label sprintf(" · ÷ nginx %.2g", ng[sc[s], keys[i]] / v)
        printf "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", left, yy + 1, x(v) - left, bar - 2, colour[s]
        printf "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" fill=\"%s\">%s</text>\n", x(v) + 3, yy + bar - 2, (v > target ? "#c00" : "#333"), label
      }
    }
    printf "</svg>\n"
  }' "$RESULTS" >"$SVG"
log "chart written to $SVG"

if [ "$missed" = 1 ] && [ "${BENCH_STRICT:-0}" = 1 ]; then exit 1; fi
exit 0
