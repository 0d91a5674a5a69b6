// The scoreboard (filters and sorting, the method), and the open-data exports of every entry: JSON,
// CSV and the Atom feed of changes.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "http/open_data.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/body_filter.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/list.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "opendata/atom.hpp"
#include "storage/batches.hpp"
#include "territories/placing.hpp"
#include "views/html.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// How many entries a page of the scoreboard shows (the JSON and CSV have them all).
constexpr std::int64_t kPerPage = 50;

// Reads the filters into `page`; unknown values are ignored (the list is simply not filtered by them).
store::Filter filter_of(Context& ctx, ListPage& page) {
  store::Filter f;
  page.body = body_filter(ctx);
  f.body_id = page.body.filter_id;
  page.theme = ctx.query.get("theme");
  page.status = ctx.query.get("statut");
  page.category = ctx.query.get("categorie");
  page.openness = ctx.query.get("ouverture");
  page.explainability = ctx.query.get("explicabilite");
  std::string sort = ctx.query.get("tri");
  f.theme = page.theme.size() <= 100 ? page.theme : "";
  if (choice_label("status", page.status))
    f.status = page.status;
  else
    page.status.clear();
  if (choice_label("category", page.category))
    f.category = page.category;
  else
    page.category.clear();
  Band b;
  if (parse_band(page.openness, b))
    f.openness_band = b;
  else
    page.openness.clear();
  if (parse_band(page.explainability, b))
    f.explainability_band = b;
  else
    page.explainability.clear();
  f.sort = sort == "ouverture"       ? store::Sort::openness
           : sort == "explicabilite" ? store::Sort::explainability
           : sort == "total"         ? store::Sort::total
           : sort == "mise-a-jour"   ? store::Sort::updated
                                     : store::Sort::name;
  page.sort = sort.empty() ? "nom" : sort;
  page.territory = territories::list_filter(ctx);
  f.within_id = page.territory.territory_id;
  return f;
}

// Everything the scoreboard shows, read in one place: the entries the filters keep and the
// options of each filter (the public body is typed: never a list of every body).
ListPage load_list(Context& ctx) {
  ListPage page;
  store::Filter f = filter_of(ctx, page);
  auto keep = [&](const char* name, const std::string& value) { html::add_param(page.query_string, name, value); };
  keep("organisme", page.body.body ? page.body.body->slug : page.body.words);
  keep("theme", f.theme);
  keep("statut", page.status);
  keep("categorie", page.category);
  keep("ouverture", page.openness);
  keep("explicabilite", page.explainability);
  if (page.sort != "nom") keep("tri", page.sort);
  keep("territoire", page.territory.territory ? page.territory.territory->key : page.territory.words);
  fv::narrow_to_page(ctx, store::count(ctx.db, f), kPerPage, urls::scoreboard(), page, f);
  f.summary = true;
  page.entries = store::list(ctx.db, f);
  page.places = territories::places_of(ctx.db, territories::subject::observatory_entry, page.entries);
  for (const auto& t : store::themes(ctx.db)) page.themes.push_back({t, t});
  page.statuses = views::choice_options(*ctx.t, field("status")->choices);
  page.categories = views::choice_options(*ctx.t, field("category")->choices);
  for (Band b : {Band::opaque, Band::partial, Band::open}) page.bands.push_back({band_key(b), ctx.tr(band_label(b))});
  page.sorts = {{"nom", ctx.tr(N_("Name"))},
                {"total", ctx.tr(N_("Total score"))},
                {"ouverture", ctx.tr(N_("Openness"))},
                {"explicabilite", ctx.tr(N_("Explainability"))},
                {"mise-a-jour", ctx.tr(N_("Latest update"))}};
  page.signed_in = ctx.user.has_value();
  page.editor = ctx.user && can_edit(ctx.db, &*ctx.user);
  page.animateur = ctx.user && ctx.user->is_animateur();
  return page;
}

}  // namespace

Response list(Context& ctx) {
  ListPage page = load_list(ctx);
  ctx.feeds.push_back({ctx.tr(N_("Observatory of public algorithms: changes")), urls::changes_feed()});
  return fv::page(ctx, ctx.tr(N_("Observatory of public algorithms")),
                  html::render(*ctx.t, templates::List{.page = page}));
}

namespace {

// The entries of the JSON and CSV: all, or those ?territoire= and ?organisme= keep.
store::Filter listed(Context& ctx) {
  store::Filter f;
  f.within_id = territories::list_filter(ctx).territory_id;
  f.body_id = body_filter(ctx).filter_id;
  return f;
}

// Hands every entry `f` keeps to `emit` with its places, a batch at a time (a whole register is
// never held in memory); returns when the latest of them changed. The caller holds the transaction
// that makes the batches one snapshot.
template <class Emit>
std::optional<sys_seconds> each_listed(Context& ctx, store::Filter f, Emit emit) {
  f.limit = storage::kExportBatch;
  std::optional<sys_seconds> latest;
  storage::each_batch(
      [&](std::optional<std::int64_t> after) {
        f.after_id = after;
        return store::list(ctx.db, f);
      },
      [&](const std::vector<Entry>& entries) {
        auto places = territories::places_of(ctx.db, territories::subject::observatory_entry, entries);
        for (const auto& e : entries) emit(e, places[e.id]);
        if (auto at = last_change(entries); at && (!latest || *at > *latest)) latest = at;
      });
  return latest;
}

}  // namespace

Response list_json(Context& ctx) {
  const store::Filter f = listed(ctx);
  storage::Transaction tx(ctx.db, false);
  coalitions::json::StreamedDocument out(
      ctx,
      {{"schema_version", kSchemaVersion}, {"rubric_version", rubric().version}, {"count", store::count(ctx.db, f)}},
      "entries");
  const auto latest = each_listed(ctx, f, [&](const Entry& e, const auto& places) {
    // Each entry's tree on a buffer, gone before the next (as in body_json, a whole document's).
    unsigned char buffer[16384];
    boost::json::monotonic_resource mr(buffer, sizeof buffer);
    boost::json::object o = json::entry(e, ctx.base_url, &mr);
    o["territories"] = territories::places_json(ctx, places);
    out.item(o);
  });
  tx.commit();
  Response r = out.finish();
  if (latest) http::open_data::set_last_modified(r, *latest);
  return r;
}

Response list_csv(Context& ctx) {
  http::Spool spool(ctx.request.header("accept-encoding"));
  csv::Writer w(spool);
  std::vector<std::string> header = {"id", "slug", "url"};
  for (const auto& f : fields()) header.push_back(f.key);
  for (const char* h : {"data_sources", "impact_assessments", "rubric_version", "openness", "openness_band",
                        "explainability", "explainability_band", "total"})
    header.push_back(h);
  for (const auto& c : rubric().criteria) header.push_back(c.id);
  for (const char* h : {"territoires", "published", "updated", "revision"}) header.push_back(h);
  w.row(header);
  storage::Transaction tx(ctx.db, false);
  const auto latest = each_listed(ctx, listed(ctx), [&](const Entry& e, const auto& places) {
    std::vector<std::string> row = {e.uuid, e.slug, ctx.base_url + urls::entry(e.slug)};
    for (const auto& f : fields()) row.push_back(e.doc.get(f.key));
    std::string sources, assessments;
    for (const auto& s : e.doc.data_sources)
      sources += (sources.empty() ? "" : " | ") + s.name + (s.url.empty() ? "" : " <" + s.url + ">");
    for (const auto& a : e.doc.impact_assessments)
      assessments += (assessments.empty() ? "" : " | ") + a.type + (a.url.empty() ? "" : " <" + a.url + ">");
    row.push_back(sources);
    row.push_back(assessments);
    row.push_back(std::to_string(e.score.rubric_version));
    row.push_back(std::to_string(e.score.openness));
    row.push_back(band_key(band(e.score.openness)));
    row.push_back(std::to_string(e.score.explainability));
    row.push_back(band_key(band(e.score.explainability)));
    row.push_back(std::to_string(e.score.total()));
    for (const auto& c : rubric().criteria) row.push_back(std::to_string(e.score.points(c.id)));
    row.push_back(territories::places_csv(places));
    row.push_back(json::iso(e.published_at));
    row.push_back(json::iso(e.updated_at));
    row.push_back(std::to_string(e.revision));
    w.row(row);
  });
  tx.commit();
  Response r = csv::response(w, "observatoire.csv");
  if (latest) http::open_data::set_last_modified(r, *latest);
  return r;
}

Response changes_atom(Context& ctx) {
  auto changes = store::recent_changes(ctx.db, 50);
  const std::string& base = ctx.base_url;
  opendata::atom::Feed feed{.id = base + urls::scoreboard(),
                            .title = ctx.tr(N_("Observatory of public algorithms: changes")),
                            .alternate = base + urls::scoreboard(),
                            .self = base + urls::changes_feed(),
                            .licence = ctx.options.data_licence,
                            .updated = changes.empty() ? ctx.now : changes.front().at};
  for (const auto& ch : changes) {
    std::string link = base + urls::entry(ch.entry_slug);
    std::string summary =
        ch.comment.empty() ? fmt::format(fmt::runtime(ctx.tr(N_("Revision {}"))), ch.number) : ch.comment;
    if (!ch.source.empty()) summary += " — " + ctx.tr(N_("Source:")) + " " + ch.source;
    feed.entries.push_back({.id = link + "/historique#" + std::to_string(ch.number),
                            .title = ch.entry_name,
                            .link = link,
                            .updated = ch.at,
                            .summary = summary,
                            .category = "algorithm"});
  }
  return opendata::atom::response(feed);
}

}  // namespace fabrique::observatoire::pages
