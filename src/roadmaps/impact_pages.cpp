// A coalition's impact: its indicators, each with its chart over time drawn on the server, the same
// measurements as a table and as CSV, and the forms to define an indicator and record a measurement.
#include <boost/json.hpp>

#include "accounts/pages.hpp"
#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "coalitions/views.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

Html indicator_section(Context& ctx, const coalitions::Coalition& k, const Indicator& i) {
  const std::string id = "indicateur-" + std::to_string(i.id);
  charts::Frame frame{id + "-graphique", i.name,
                      fmt::format(fmt::runtime(ctx.tr(N_("Measurements of \"{}\" over time."))), i.name),
                      ctx.tr(N_("No measurement yet.")), i.unit.empty() ? "" : " " + i.unit, views::decimal(ctx)};
  charts::LineOptions o;
  o.baseline = i.baseline;
  o.target = i.target;
  o.baseline_label = ctx.tr(N_("Baseline"));
  o.target_label = ctx.tr(N_("Target"));
  o.date = [&ctx](sys_seconds t) { return ctx.t->date(t); };
  std::vector<charts::Point> points;
  Html rows;
  for (const auto& m : i.measurements) {
    points.push_back({m.measured_on, m.value});
    rows += render("<tr><td>{}</td><td>{}</td><td>{}</td></tr>", ctx.t->date(m.measured_on),
                   charts::number(m.value, views::decimal(ctx)), m.source);
  }
  Html table = i.measurements.empty()
                   ? Html()
                   : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                            fmt::format(fmt::runtime(ctx.tr(N_("Measurements of \"{}\""))), i.name), ctx.tr(N_("Date")),
                            i.unit.empty() ? ctx.tr(N_("Value")) : ctx.tr(N_("Value")) + " (" + i.unit + ")",
                            ctx.tr(N_("Source")), rows);
  auto ref = [&](const std::optional<double>& v) {
    return v ? charts::number(*v, views::decimal(ctx)) + (i.unit.empty() ? "" : " " + i.unit) : ctx.tr(N_("not set"));
  };
  return render(
      R"(<section id="{}" aria-labelledby="{}-h"><h2 id="{}-h">{}</h2><dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>{}<figure>{}<figcaption>{}</figcaption></figure>{}<p><a href="/coalitions/{}/impact/{}/mesures.csv">{}</a> · <a href="/coalitions/{}/impact/{}">{}</a></p></section>)",
      id, id, id, i.name, ctx.tr(N_("Quality")), views::label(ctx, kQualities, i.quality), ctx.tr(N_("Impact")),
      views::label(ctx, kImpacts, i.impact), ctx.tr(N_("Baseline")), ref(i.baseline), ctx.tr(N_("Target")),
      ref(i.target), i.description.empty() ? Html() : render("<p>{}</p>", i.description),
      charts::line_chart(frame, points, o),
      ctx.tr(N_("The same measurements are in the table below and in the CSV file.")), table, k.slug, i.id,
      ctx.tr(N_("Download the measurements as CSV")), k.slug, i.id,
      fmt::format(fmt::runtime(ctx.tr(N_("Edits and history of \"{}\""))), i.name));
}

// `mv` and `measurement_errors` refill the measurement form after a refused one.
Response render_impact(Context& ctx, const coalitions::Coalition& k, const IndicatorInput& iv,
                       const FieldErrors& indicator_errors, const std::string& measured_indicator,
                       const MeasurementInput& mv, const FieldErrors& measurement_errors, int status) {
  bool editor = can_edit(ctx.db, ctx.actor(), k.id);
  Html sections;
  auto indicators = store::indicators(ctx.db, k.id);
  for (const auto& i : indicators)
    sections += indicator_section(ctx, k, i);
  if (indicators.empty()) sections = render("<p>{}</p>", ctx.tr(N_("No indicator yet.")));
  Html form;
  if (editor && !indicators.empty()) {
    std::vector<fv::Option> names;
    for (const auto& i : indicators) names.push_back({std::to_string(i.id), i.name});
    form += render(
        R"(<h2 id="mesure">{}</h2>{}<form method="post" action="/coalitions/{}/impact/mesures" novalidate>{}{}{}<button type="submit">{}</button></form>)",
        ctx.tr(N_("Record a measurement")), fv::error_summary(ctx, measurement_errors), k.slug, fv::csrf_field(ctx),
        fv::select(ctx, {"indicator", ctx.tr(N_("Indicator")), measured_indicator, "", "", "", true, 0}, names,
                   measurement_errors),
        views::measurement_fields(ctx, mv, measurement_errors),
        ctx.tr(N_("Record")));
  }
  if (editor)
    form += render(
        R"(<h2 id="nouvel-indicateur">{}</h2>{}<form method="post" action="/coalitions/{}/impact" novalidate>{}{}<button type="submit">{}</button></form>)",
        ctx.tr(N_("Define an indicator")), fv::error_summary(ctx, indicator_errors), k.slug, fv::csrf_field(ctx),
        views::indicator_fields(ctx, iv, indicator_errors),
        ctx.tr(N_("Define the indicator")));
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Impact of coalition {}"))), k.number);
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a></p><h1>{}</h1><p>{}</p>{}{}<p><a href="/coalitions/{}/impact.json">{}</a></p>)",
      k.slug, coalitions::views::full_title(k), title,
      ctx.tr(N_("The indicators the coalition follows to measure its impact against the programme's qualities, with every dated measurement and its source.")),
      sections, form, k.slug, ctx.tr(N_("These indicators as JSON")));
  return fv::page(ctx, status, title, body);
}

}  // namespace

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
  return coalitions::json::response(ctx, out);
}

Response create_indicator(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const auto& f = ctx.form;
  IndicatorInput in{f.get("name"), f.get("unit"), f.get("quality"), f.get("impact"), f.get("description"),
                    f.get("baseline"), f.get("target")};
  FieldErrors errors;
  auto id = roadmaps::create_indicator(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now, errors);
  if (!errors.empty()) return render_impact(ctx, views::coalition_of(ctx), in, errors, "", {}, {}, 422);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "/impact#indicateur-" + std::to_string(id));
}

Response record_measurement(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const auto& f = ctx.form;
  MeasurementInput in{f.get("measured_on"), f.get("value"), f.get("source")};
  auto indicator = numbers::whole(f.get("indicator"), 1, numbers::kMaxId);
  if (!indicator) return fv::bad_request(ctx, N_("Choose an indicator from the list."));
  const std::int64_t id = *indicator;
  auto errors = roadmaps::record_measurement(ctx.db, *ctx.user, ctx.param("slug"), id, in, ctx.now);
  if (!errors.empty()) return render_impact(ctx, views::coalition_of(ctx), {}, {}, f.get("indicator"), in, errors, 422);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "/impact#indicateur-" + std::to_string(id));
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
    return views::csv_response(w.take(), "indicateur-" + std::to_string(i.id) + ".csv");
  }
  return fv::not_found(ctx);
}

}  // namespace fabrique::roadmaps::pages
