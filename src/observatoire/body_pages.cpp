// A public body's page: its entries, its average scores, the distribution of bands (a chart drawn on
// the server with the same figures as a table), and which organisation of the site speaks for it.
#include <boost/json/monotonic_resource.hpp>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "http/open_data.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/json.hpp"
#include "observatoire/pages.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/templates/body.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/view_models.hpp"
#include "organisations/picker.hpp"
#include "organisations/store.hpp"
#include "views/layout.hpp"

namespace fabrique::observatoire::pages {

using html::Html;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Each axis as one bar split into its bands (the table below the chart gives the same counts).
Html band_chart(const Context& ctx, const std::array<std::array<int, 3>, 2>& bands) {
  std::vector<std::string> series;
  for (Band b : {Band::opaque, Band::partial, Band::open}) series.push_back(ctx.tr(band_label(b)));
  std::vector<charts::Stack> rows;
  int axis = 0;
  for (const char* label : {N_("Openness"), N_("Explainability")}) {
    charts::Stack row{ctx.tr(label), {}};
    for (int b = 0; b < 3; ++b) row.values.push_back(bands[axis][b]);
    rows.push_back(std::move(row));
    ++axis;
  }
  charts::Frame f{"bandes",
                  ctx.tr(N_("Number of entries per band, openness and explainability")),
                  ctx.tr(N_("Each bar counts the entries of this public body in each band of one axis.")),
                  ctx.tr(N_("No entry yet.")),
                  "",
                  ctx.lang() == i18n::Lang::fr ? ',' : '.'};
  return charts::stacked_bars(f, series, rows);
}

// Everything a public body's page shows, read in one place: its entries and their figures, and for
// editors the organisations that may speak for it. `errors` is a refused choice.
BodyPage load_body(Context& ctx, const Body& b, const FieldErrors& errors) {
  BodyPage page;
  page.body = b;
  store::Filter f;
  f.body_id = b.id;
  f.summary = true;
  page.entries = store::list(ctx.db, f);
  int openness = 0, explainability = 0;
  for (const auto& e : page.entries) {
    openness += e.score.openness;
    explainability += e.score.explainability;
    ++page.bands[0][static_cast<int>(band(e.score.openness))];
    ++page.bands[1][static_cast<int>(band(e.score.explainability))];
  }
  if (!page.entries.empty()) {
    double n = static_cast<double>(page.entries.size());
    page.openness_average = fmt::format("{:.1f}/50", openness / n);
    page.explainability_average = fmt::format("{:.1f}/50", explainability / n);
    page.chart = band_chart(ctx, page.bands);
  }
  page.editor = ctx.user && can_edit(ctx.db, &*ctx.user);
  if (page.editor) {
    // A form sent keeps what its picker ticked (two are refused next to it); else the one that speaks now.
    const bool sent = ctx.form.has("organisation_q");
    std::vector<std::string> keys =
        sent ? fabrique::views::picked(ctx.form.all("organisation")) : std::vector<std::string>{};
    const auto all = organisations::choices(ctx.db);  // every organisation's slug and name, kept between changes
    // The organisation that speaks now, by its name (unique: organisations.name_key).
    if (!sent && b.organisation_id)
      for (const auto& c : *all)
        if (c.label == b.organisation_name) keys.push_back(c.key);
    page.organisation = organisations::picker_of(*all, "organisation", N_("Organisation that speaks for it"), keys,
                                                 ctx.form.get("organisation_q"));
  }
  page.errors = errors;
  return page;
}

Response render_body(Context& ctx, const Body& b, const FieldErrors& errors, int status) {
  BodyPage page = load_body(ctx, b, errors);
  // Only editors see a form; asking for the token makes the page personal.
  std::string csrf = page.editor ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, b.name, html::render(*ctx.t, templates::PublicBody{.page = page, .csrf = csrf}));
}

}  // namespace

Response body(Context& ctx) {
  auto b = store::body_by_slug(ctx.db, ctx.param("slug"));
  if (!b) return fv::not_found(ctx);
  return render_body(ctx, *b, {}, 200);
}

Response body_json(Context& ctx) {
  auto b = store::body_by_slug(ctx.db, ctx.param("slug"));
  if (!b) return coalitions::json::not_found(ctx);
  store::Filter f;
  f.body_id = b->id;
  const auto entries = store::list(ctx.db, f);
  // The whole document on one resource, freed at once: entries of 4 KB, a hundred values each.
  boost::json::monotonic_resource mr;
  boost::json::storage_ptr sp(&mr);
  boost::json::array items(sp);
  items.reserve(entries.size());
  std::array<boost::json::object, 2> bands;
  int openness = 0, explainability = 0;
  for (const auto& e : entries) {
    items.push_back(json::entry(e, ctx.base_url, sp));
    openness += e.score.openness;
    explainability += e.score.explainability;
    for (auto [axis, value] : {std::pair{0, e.score.openness}, std::pair{1, e.score.explainability}}) {
      auto& count = bands[axis][band_key(band(value))];
      count = (count.is_int64() ? count.as_int64() : 0) + 1;
    }
  }
  boost::json::object out(sp);
  out["slug"] = b->slug;
  out["name"] = b->name;
  out["url"] = ctx.base_url + urls::body(b->slug);
  out["siren"] = b->siren.empty() ? boost::json::value(nullptr) : boost::json::value(b->siren);
  out["organisation"] = b->organisation_id ? boost::json::value(b->organisation_name) : boost::json::value(nullptr);
  out["count"] = entries.size();
  auto average = [&](int sum) {
    return entries.empty() ? boost::json::value(nullptr)
                           : boost::json::value(static_cast<double>(sum) / static_cast<double>(entries.size()));
  };
  out["average_openness"] = average(openness);
  out["average_explainability"] = average(explainability);
  out["openness_bands"] = std::move(bands[0]);
  out["explainability_bands"] = std::move(bands[1]);
  out["entries"] = std::move(items);
  Response r = coalitions::json::response(ctx, std::move(out));
  if (auto at = last_change(entries)) http::open_data::set_last_modified(r, *at);
  return r;
}

Response link_body(Context& ctx) {
  auto b = store::body_by_slug(ctx.db, ctx.param("slug"));
  if (!b) throw NotFound();
  const auto chosen = fabrique::views::picked(ctx.form.all("organisation"));
  FieldErrors errors;
  fabrique::views::one_at_most(errors, "organisation", chosen, N_("Choose one organisation at most."));
  // The picker searched: the page again with the organisations that match, nothing saved; or two
  // ticked, refused. Neither reaches the use case, which checks who may: so it is checked here too.
  if (!ctx.form.get("organisation_q").empty() || !errors.empty()) {
    if (!can_edit(ctx.db, &*ctx.user))
      throw Forbidden(N_("Only observatory editors can link a public body to an organisation."));
    return render_body(ctx, *b, errors, errors.empty() ? 200 : 422);
  }
  errors = observatoire::link_body(ctx.db, *ctx.user, ctx.param("slug"), chosen.empty() ? "" : chosen.front());
  if (!errors.empty()) return render_body(ctx, *b, errors, 422);
  return Response::redirect(urls::body(ctx.param("slug")));
}

}  // namespace fabrique::observatoire::pages
