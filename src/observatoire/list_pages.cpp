// The scoreboard (filters and sorting, the method), and the open-data exports of every entry: JSON,
// CSV and the Atom feed of changes.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "http/open_data.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

struct Query {
  std::string body, theme, status, category, openness, explainability, sort;
};

// Reads the filters; unknown values are ignored (the list is simply not filtered by them).
store::Filter filter_of(Context& ctx, Query& q) {
  store::Filter f;
  q = {ctx.query.get("organisme"), ctx.query.get("theme"), ctx.query.get("statut"), ctx.query.get("categorie"),
       ctx.query.get("ouverture"), ctx.query.get("explicabilite"), ctx.query.get("tri")};
  if (auto b = store::body_by_slug(ctx.db, q.body)) f.body_id = b->id; else q.body.clear();
  f.theme = q.theme.size() <= 100 ? q.theme : "";
  if (choice_label("status", q.status)) f.status = q.status; else q.status.clear();
  if (choice_label("category", q.category)) f.category = q.category; else q.category.clear();
  Band b;
  if (parse_band(q.openness, b)) f.openness_band = b; else q.openness.clear();
  if (parse_band(q.explainability, b)) f.explainability_band = b; else q.explainability.clear();
  f.sort = q.sort == "ouverture"       ? store::Sort::openness
           : q.sort == "explicabilite" ? store::Sort::explainability
           : q.sort == "total"         ? store::Sort::total
           : q.sort == "mise-a-jour"   ? store::Sort::updated
                                       : store::Sort::name;
  return f;
}

std::vector<fv::Option> choices(const Context& ctx, const char* key) {
  std::vector<fv::Option> out;
  for (const auto& c : field(key)->choices) out.push_back({c.value, ctx.tr(c.label)});
  return out;
}

Html method(const Context& ctx) {
  Html rows;
  for (const auto& c : rubric().criteria) {
    std::string levels;
    if (c.levels.size() > 1)
      for (const auto& l : c.levels)
        levels += (levels.empty() ? "" : "; ") + fmt::format("{} {}", ctx.tr(l.label), l.points);
    rows += render(R"(<tr><th scope="row">{}</th><td>{}{}</td><td>{}</td></tr>)", c.id, ctx.tr(c.label),
                   levels.empty() ? Html() : render(" ({})", levels), c.max_points);
  }
  return render(
      R"(<section aria-labelledby="methode"><h2 id="methode">{}</h2><p>{}</p><div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div></section>)",
      ctx.tr(N_("How the score is computed")),
      fmt::format(fmt::runtime(ctx.tr(N_("Each axis, openness and explainability, counts 50 points. A criterion scores only on public evidence that needs no login, with the date it was checked; the software adds the points, nobody types a score. Bands per axis: 0 to 19 opaque, 20 to 34 partial, 35 to 50 open. Rubric version {}."))),
                  rubric().version),
      ctx.tr(N_("Criteria and points")), ctx.tr(N_("Criterion")), ctx.tr(N_("What counts")), ctx.tr(N_("Points")),
      rows);
}

}  // namespace

Response list(Context& ctx) {
  Query q;
  auto entries = store::list(ctx.db, filter_of(ctx, q));
  std::vector<fv::Option> bodies, themes, bands, sorts;
  for (const auto& b : store::bodies(ctx.db)) bodies.push_back({b.slug, b.name});
  for (const auto& t : store::themes(ctx.db)) themes.push_back({t, t});
  for (Band b : {Band::opaque, Band::partial, Band::open}) bands.push_back({band_key(b), ctx.tr(band_label(b))});
  sorts = {{"nom", ctx.tr(N_("Name"))},
           {"total", ctx.tr(N_("Total score"))},
           {"ouverture", ctx.tr(N_("Openness"))},
           {"explicabilite", ctx.tr(N_("Explainability"))},
           {"mise-a-jour", ctx.tr(N_("Latest update"))}};
  Html rows;
  for (const auto& e : entries)
    rows += render(
        R"(<tr><th scope="row"><a href="/observatoire/{}">{}</a></th><td><a href="/observatoire/organismes/{}">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
        e.slug, e.name(), e.body.slug, e.body.name, views::choice_text(*ctx.t, "status", e.doc.get("status")),
        views::choice_text(*ctx.t, "category", e.doc.get("category")), views::axis_text(*ctx.t, e.score.openness),
        views::axis_text(*ctx.t, e.score.explainability), e.score.total());
  Html links = render(R"(<a href="/observatoire/nouvelle">{}</a>)", ctx.tr(N_("Propose an entry")));
  if (ctx.user && can_edit(ctx.db, &*ctx.user))
    links += render(R"( · <a href="/observatoire/contributions">{}</a>)", ctx.tr(N_("Contributions to moderate")));
  else if (ctx.user)
    links += render(R"( · <a href="/observatoire/contributions">{}</a>)", ctx.tr(N_("My contributions")));
  if (ctx.user && ctx.user->is_animateur())
    links += render(R"( · <a href="/observatoire/editeurs">{}</a>)", ctx.tr(N_("Observatory editors")));
  Html body = render(
      R"(<h1>{}</h1><p class="lead">{}</p><p>{}</p>
<form method="get" action="/observatoire" class="filters">{}{}{}{}{}{}{}<button type="submit">{}</button></form>
<p role="status">{}</p>
{}
{}
<p>{} <a href="/observatoire.json">JSON</a> · <a href="/observatoire.csv">CSV</a> · <a href="/observatoire/changements.atom">{}</a></p>)",
      ctx.tr(N_("Observatory of public algorithms")),
      ctx.tr(N_("How open and how explainable are the algorithms public bodies use to decide about people? Each entry is scored from public evidence anyone can check.")),
      links,
      fv::select(ctx, {"organisme", ctx.tr(N_("Public body")), q.body, "", "", "", false, 0}, bodies, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"theme", ctx.tr(N_("Theme")), q.theme, "", "", "", false, 0}, themes, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"statut", ctx.tr(N_("Status")), q.status, "", "", "", false, 0}, choices(ctx, "status"), {},
                 ctx.tr(N_("All"))),
      fv::select(ctx, {"categorie", ctx.tr(N_("Category")), q.category, "", "", "", false, 0}, choices(ctx, "category"),
                 {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"ouverture", ctx.tr(N_("Openness band")), q.openness, "", "", "", false, 0}, bands, {},
                 ctx.tr(N_("All"))),
      fv::select(ctx, {"explicabilite", ctx.tr(N_("Explainability band")), q.explainability, "", "", "", false, 0},
                 bands, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"tri", ctx.tr(N_("Sort by")), q.sort.empty() ? "nom" : q.sort, "", "", "", false, 0}, sorts, {}),
      ctx.tr(N_("Show")),
      fmt::format(fmt::runtime(ctx.trn("{} entry", "{} entries", static_cast<long>(entries.size()))), entries.size()),
      entries.empty()
          ? render("<p>{}</p>", ctx.tr(N_("No entry matches these filters.")))
          : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                   ctx.tr(N_("Register entries and their scores")), ctx.tr(N_("Algorithm")), ctx.tr(N_("Public body")),
                   ctx.tr(N_("Status")), ctx.tr(N_("Category")), ctx.tr(N_("Openness")), ctx.tr(N_("Explainability")),
                   ctx.tr(N_("Total /100")), rows),
      method(ctx), ctx.tr(N_("Open data:")), ctx.tr(N_("Atom feed of changes")));
  return fv::page(ctx, ctx.tr(N_("Observatory of public algorithms")), body);
}

namespace {

// The latest change of any entry: every change to an entry is a new revision with its date.
std::optional<sys_seconds> last_change(const std::vector<Entry>& entries) {
  std::optional<sys_seconds> latest;
  for (const auto& e : entries)
    if (!latest || e.updated_at > *latest) latest = e.updated_at;
  return latest;
}

}  // namespace

Response list_json(Context& ctx) {
  const auto entries = store::list(ctx.db);
  boost::json::array items;
  for (const auto& e : entries) items.push_back(json::entry(e, ctx.base_url));
  boost::json::object out;
  out["schema_version"] = kSchemaVersion;
  out["rubric_version"] = rubric().version;
  out["count"] = items.size();
  out["entries"] = std::move(items);
  Response r = coalitions::json::response(ctx, out);
  if (auto at = last_change(entries)) http::open_data::set_last_modified(r, *at);
  return r;
}

Response list_csv(Context& ctx) {
  csv::Writer w;
  std::vector<std::string> header = {"id", "slug", "url"};
  for (const auto& f : fields()) header.push_back(f.key);
  for (const char* h : {"data_sources", "impact_assessments", "rubric_version", "openness", "openness_band",
                        "explainability", "explainability_band", "total"})
    header.push_back(h);
  for (const auto& c : rubric().criteria) header.push_back(c.id);
  for (const char* h : {"published", "updated", "revision"}) header.push_back(h);
  w.row(header);
  const auto entries = store::list(ctx.db);
  for (const auto& e : entries) {
    std::vector<std::string> row = {e.uuid, e.slug, ctx.base_url + "/observatoire/" + e.slug};
    for (const auto& f : fields()) row.push_back(e.doc.get(f.key));
    std::string sources, assessments;
    for (const auto& s : e.doc.data_sources) sources += (sources.empty() ? "" : " | ") + s.name + (s.url.empty() ? "" : " <" + s.url + ">");
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
    row.push_back(json::iso(e.published_at));
    row.push_back(json::iso(e.updated_at));
    row.push_back(std::to_string(e.revision));
    w.row(row);
  }
  Response r;
  r.content_type = csv::kContentType;
  r.body = w.take();
  r.set_header("Content-Disposition", "attachment; filename=\"observatoire.csv\"");
  if (auto at = last_change(entries)) http::open_data::set_last_modified(r, *at);
  return r;
}

Response changes_atom(Context& ctx) {
  auto changes = store::recent_changes(ctx.db, 50);
  const std::string base = ctx.base_url;
  Html items;
  for (const auto& ch : changes) {
    std::string link = base + "/observatoire/" + ch.entry_slug;
    std::string summary = ch.comment.empty() ? fmt::format(fmt::runtime(ctx.tr(N_("Revision {}"))), ch.number)
                                             : ch.comment;
    if (!ch.source.empty()) summary += " — " + ctx.tr(N_("Source:")) + " " + ch.source;
    items += render(
        R"(<entry><title>{}</title><id>{}/historique#{}</id><link href="{}"/><updated>{}</updated><summary>{}</summary></entry>
)",
        ch.entry_name, link, ch.number, link, json::iso(ch.at), summary);
  }
  // The feed's links: the register, the feed itself, and the licence of its data.
  Html links = render(R"(<link href="{}/observatoire"/><link rel="self" href="{}/observatoire/changements.atom"/><link rel="license" href="{}"/>)",
                      base, base, http::open_data::licence_url(ctx.options.data_licence));
  Html feed = render(R"(<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>{}</title><id>{}/observatoire</id>{}<rights>{}</rights><updated>{}</updated><author><name>fabrique</name></author>
{}</feed>
)",
                     ctx.tr(N_("Observatory of public algorithms: changes")), base, links, ctx.options.data_licence,
                     json::iso(changes.empty() ? ctx.now : changes.front().at), items);
  Response r;
  r.content_type = "application/atom+xml; charset=utf-8";
  r.body = std::move(feed).release();
  if (!changes.empty()) http::open_data::set_last_modified(r, changes.front().at);
  return r;
}

}  // namespace fabrique::observatoire::pages
