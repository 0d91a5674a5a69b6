// A coalition's impact: its indicators, each with its chart over time drawn on the server, the same
// measurements as a table and as CSV, and the forms to define an indicator and record a measurement.
#include <boost/json.hpp>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/loaders.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/templates/impact.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// `mv` and `measurement_errors` refill the measurement form after a refused one.
Response render_impact(Context& ctx, const coalitions::Coalition& k, const IndicatorInput& iv,
                       const FieldErrors& indicator_errors, const std::string& measured_indicator,
                       const MeasurementInput& mv, const FieldErrors& measurement_errors, int status) {
  ImpactPage page = load_impact(ctx, k);
  page.indicator_form = iv;
  page.indicator_errors = indicator_errors;
  page.measured_indicator = measured_indicator;
  page.measurement_form = mv;
  page.measurement_errors = measurement_errors;
  // Asking for the CSRF token only when a form is shown keeps the visitor's page cacheable.
  const std::string csrf = page.editor ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, page.title, html::render(*ctx.t, templates::Impact{.page = page, .csrf = csrf}));
}

}  // namespace

ImpactPage load_impact(Context& ctx, const coalitions::Coalition& k) {
  ImpactPage page;
  page.coalition = k;
  page.coalition_title = coalitions::full_title(k);
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Impact of coalition {}"))), k.number);
  page.editor = can_edit(ctx.db, ctx.actor(), k.id);
  for (auto& i : store::indicators(ctx.db, k.id)) {
    const std::string id = "indicateur-" + std::to_string(i.id);
    charts::Frame frame{id + "-graphique",
                        i.name,
                        fmt::format(fmt::runtime(ctx.tr(N_("Measurements of \"{}\" over time."))), i.name),
                        ctx.tr(N_("No measurement yet.")),
                        i.unit.empty() ? "" : " " + i.unit,
                        views::decimal(ctx)};
    charts::LineOptions o;
    o.baseline = i.baseline;
    o.target = i.target;
    o.baseline_label = ctx.tr(N_("Baseline"));
    o.target_label = ctx.tr(N_("Target"));
    o.date = [&ctx](sys_seconds t) { return ctx.t->date(t); };
    std::vector<charts::Point> points;
    for (const auto& m : i.measurements) points.push_back({m.measured_on, m.value});
    if (page.editor) page.indicator_names.push_back({std::to_string(i.id), i.name});
    Html chart = charts::line_chart(frame, points, o);
    page.indicators.push_back({std::move(i), std::move(chart)});
  }
  return page;
}

Response impact(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  return render_impact(ctx, *k, {}, {}, "", {}, {}, 200);
}

Response impact_json(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found_json(ctx);
  boost::json::array items;
  for (const auto& i : store::indicators(ctx.db, k->id)) items.push_back(json::indicator(i));
  boost::json::object out;
  out["coalition"] = coalitions::json::summary(ctx, *k);
  out["indicators"] = std::move(items);
  return coalitions::json::response(ctx, std::move(out));
}

Response create_indicator(Context& ctx) {
  const auto& f = ctx.form;
  IndicatorInput in{f.get("name"),        f.get("unit"),     f.get("quality"), f.get("impact"),
                    f.get("description"), f.get("baseline"), f.get("target")};
  FieldErrors errors;
  auto id = roadmaps::create_indicator(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now, errors);
  if (!errors.empty()) return render_impact(ctx, coalition_of(ctx), in, errors, "", {}, {}, 422);
  return fv::redirect_saved(urls::indicator_section(ctx.param("slug"), id), fv::Saved::indicator);
}

Response record_measurement(Context& ctx) {
  const auto& f = ctx.form;
  MeasurementInput in{f.get("measured_on"), f.get("value"), f.get("source")};
  auto indicator = numbers::whole(f.get("indicator"), 1, numbers::kMaxId);
  if (!indicator) return fv::bad_request(ctx, N_("Choose an indicator from the list."));
  const std::int64_t id = *indicator;
  auto errors = roadmaps::record_measurement(ctx.db, *ctx.user, ctx.param("slug"), id, in, ctx.now);
  if (!errors.empty()) return render_impact(ctx, coalition_of(ctx), {}, {}, f.get("indicator"), in, errors, 422);
  return fv::redirect_saved(urls::indicator_section(ctx.param("slug"), id), fv::Saved::measurement);
}

Response measurements_csv(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  for (const auto& i : store::indicators(ctx.db, k->id)) {
    if (i.id != ctx.param_int("id")) continue;
    csv::Writer w;
    w.row({"indicator", "unit", "quality", "impact", "date", "value", "source"});
    for (const auto& m : i.measurements)
      w.row({i.name, i.unit, i.quality, i.impact, views::iso_day(m.measured_on), charts::number(m.value), m.source});
    return csv::response(w, "indicateur-" + std::to_string(i.id) + ".csv");
  }
  return fv::not_found(ctx);
}

}  // namespace fabrique::roadmaps::pages
