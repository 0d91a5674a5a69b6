// The programme dashboard (public): coalitions per stage as a funnel, who is stuck, actions by status
// and lever, victories, and the pace and heterogeneity of every coalition. Every chart has its table,
// every table its CSV; the whole as JSON.
#include <boost/json.hpp>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "coalitions/views.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/dashboard.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/loaders.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/templates/dashboard.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/views.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Coalitions per page in the pace table: few enough that the whole page stays at EcoIndex A (a
// small DOM: tests/browser/frugal.test.mjs), whatever the number of coalitions; the CSV linked under
// the table and the JSON have them all.
constexpr std::int64_t kRowsPerPage = 10;

std::string stage_times(const Context& ctx, const CoalitionPace& p) {
  std::string out;
  for (const auto& s : coalitions::kStages) {
    auto it = p.days_in_stage.find(s.slug);
    if (it == p.days_in_stage.end()) continue;
    out += (out.empty() ? "" : " · ") + ctx.tr(s.label) + " " +
           coalitions::views::days(ctx, std::chrono::hours(24 * it->second));
  }
  return out;
}

}  // namespace

DashboardPage load_dashboard_page(Context& ctx) {
  // Only the page of the pace table asked for is read; past the last page, the last one.
  std::int64_t page_number = views::page_of(ctx, numbers::kMaxPage);
  Dashboard d = load_dashboard_window(ctx.db, ctx.now, (page_number - 1) * kRowsPerPage, kRowsPerPage);
  const std::int64_t pages = std::max<std::int64_t>(1, (d.coalitions_total + kRowsPerPage - 1) / kRowsPerPage);
  if (page_number > pages) {
    page_number = pages;
    d = load_dashboard_window(ctx.db, ctx.now, (page_number - 1) * kRowsPerPage, kRowsPerPage);
  }
  DashboardPage page;

  // Funnel of stages.
  std::vector<charts::Bar> stage_bars;
  for (const auto& [slug, n] : d.coalitions_per_stage) {
    stage_bars.push_back({coalitions::views::stage_label(ctx, slug), static_cast<double>(n)});
    page.stages.emplace_back(coalitions::views::stage_label(ctx, slug), n);
  }
  charts::Frame stages_frame{"etapes",
                             ctx.tr(N_("Coalitions per stage")),
                             ctx.tr(N_("How many coalitions are at each stage, from idea to landed.")),
                             ctx.tr(N_("No coalition yet.")),
                             "",
                             views::decimal(ctx)};
  page.stages_chart = charts::bar_chart(stages_frame, stage_bars, true);

  // Who is stuck: the coalitions longest without activity.
  std::vector<charts::Bar> stuck;
  for (const auto& p : d.quietest)
    stuck.push_back({coalitions::views::full_title(p.coalition).substr(std::string("Coalition ").size()),
                     static_cast<double>(p.days_since_activity)});
  charts::Frame stuck_frame{
      "sans-activite",
      ctx.tr(N_("Longest without activity")),
      ctx.tr(N_("Days since the last activity of the coalitions that have been quiet the longest.")),
      ctx.tr(N_("No coalition yet.")),
      ctx.lang() == i18n::Lang::fr ? " j" : " d",
      views::decimal(ctx)};
  page.stuck_chart = charts::bar_chart(stuck_frame, stuck);

  // Actions by status (rows) and lever (series).
  for (const auto& l : kLevers) page.levers.push_back(views::lever_short(ctx, l.slug));
  std::vector<charts::Stack> status_rows;
  for (const auto& s : kStatuses) {
    charts::Stack row{ctx.tr(s.label), {}};
    DashboardPage::StatusRow counts{ctx.tr(s.label), {}, 0};
    for (const auto& l : kLevers) {
      auto it = d.actions.find({s.slug, l.slug});
      std::int64_t n = it == d.actions.end() ? 0 : it->second;
      row.values.push_back(static_cast<double>(n));
      counts.by_lever.push_back(n);
      counts.total += n;
    }
    page.total_actions += static_cast<long>(counts.total);
    status_rows.push_back(std::move(row));
    page.actions.push_back(std::move(counts));
  }
  charts::Frame actions_frame{"actions",
                              ctx.tr(N_("Actions by status and lever")),
                              ctx.tr(N_("Number of actions at each status, split by lever.")),
                              ctx.tr(N_("No action yet.")),
                              "",
                              views::decimal(ctx)};
  page.actions_chart = charts::stacked_bars(actions_frame, page.levers, status_rows);

  page.victories = static_cast<long>(d.victories);
  page.recent_victories = std::move(d.recent_victories);
  for (auto& e : d.upcoming_events) page.events.push_back({std::move(e.slug), std::move(e.title), e.starts_at});

  // Pace and heterogeneity, paged.
  fill_heterogeneity(ctx.db, d, 0, d.coalitions.size());
  for (const auto& p : d.coalitions) {
    page.pace.push_back({p.coalition.slug, p.coalition.number + " — " + p.coalition.title,
                         coalitions::views::stage_label(ctx, p.coalition.stage), stage_times(ctx, p),
                         charts::number(p.diversity, views::decimal(ctx)), p.days_in_current_stage,
                         p.days_since_activity, p.distinct_kinds});
  }
  page.pager = views::pager(ctx, urls::dashboard() + "?page=", "#rythme", page_number, pages);
  return page;
}

Response dashboard(Context& ctx) {
  DashboardPage page = load_dashboard_page(ctx);
  return fv::page(ctx, ctx.tr(N_("Programme dashboard")), html::render(*ctx.t, templates::DashboardShow{page}));
}

Response dashboard_json(Context& ctx) {
  Dashboard d = load_dashboard(ctx.db, ctx.now);
  fill_heterogeneity(ctx.db, d, 0, d.coalitions.size());
  boost::json::object out, stages, actions;
  for (const auto& [slug, n] : d.coalitions_per_stage) stages[slug] = n;
  for (const auto& s : kStatuses) {
    boost::json::object by_lever;
    for (const auto& l : kLevers) {
      auto it = d.actions.find({s.slug, l.slug});
      by_lever[l.slug] = it == d.actions.end() ? 0 : it->second;
    }
    actions[s.slug] = std::move(by_lever);
  }
  boost::json::array victories, list;
  for (const auto& a : d.recent_victories) victories.push_back(json::action(ctx, a));
  for (const auto& p : d.coalitions) {
    boost::json::object o, in_stage;
    for (const auto& [slug, n] : p.days_in_stage) in_stage[slug] = n;
    o["slug"] = p.coalition.slug;
    o["number"] = p.coalition.number;
    o["title"] = p.coalition.title;
    o["stage"] = p.coalition.stage;
    o["days_in_current_stage"] = p.days_in_current_stage;
    o["days_since_last_activity"] = p.days_since_activity;
    o["days_in_stage"] = std::move(in_stage);
    o["organisations"] = p.organisations;
    o["kinds"] = p.distinct_kinds;
    o["diversity_gini_simpson"] = p.diversity;
    list.push_back(std::move(o));
  }
  out["coalitions_per_stage"] = std::move(stages);
  out["actions_by_status_and_lever"] = std::move(actions);
  out["victories_achieved"] = d.victories;
  out["recent_victories"] = std::move(victories);
  out["coalitions"] = std::move(list);
  boost::json::array upcoming;
  for (const auto& e : d.upcoming_events) upcoming.push_back(json::event(ctx, e.slug, e.title, e.starts_at));
  out["upcoming_events"] = std::move(upcoming);
  return coalitions::json::response(ctx, std::move(out));
}

namespace {

// Every indicator of the programme (`measurements` false), or every measurement of every indicator,
// one row each with its coalition: what a person charts in a spreadsheet across coalitions.
Response impact_csv(Context& ctx, bool measurements) {
  std::map<std::int64_t, coalitions::Coalition> by_id;
  for (auto& k : coalitions::store::list(ctx.db, {})) by_id.emplace(k.id, std::move(k));
  csv::Writer w;
  if (measurements)
    w.row({"coalition", "coalition_title", "indicator", "indicator_name", "unit", "date", "value", "source"});
  else
    w.row({"coalition", "coalition_title", "indicator", "name", "unit", "quality", "impact", "baseline", "target",
           "measurements", "latest_date", "latest_value", "page"});
  auto real = [](const std::optional<double>& v) { return v ? charts::number(*v) : std::string(); };
  for (const auto& i : store::all_indicators(ctx.db)) {
    auto k = by_id.find(i.coalition_id);
    if (k == by_id.end()) continue;
    const std::string id = std::to_string(i.id);
    if (measurements) {
      for (const auto& m : i.measurements)
        w.row({k->second.number, k->second.title, id, i.name, i.unit, views::iso_day(m.measured_on),
               charts::number(m.value), m.source});
      continue;
    }
    const Measurement* latest = i.measurements.empty() ? nullptr : &i.measurements.back();
    w.row({k->second.number, k->second.title, id, i.name, i.unit, i.quality, i.impact, real(i.baseline), real(i.target),
           std::to_string(i.measurements.size()), latest ? views::iso_day(latest->measured_on) : "",
           latest ? charts::number(latest->value) : "", ctx.base_url + urls::indicator(k->second.slug, i.id)});
  }
  return csv::response(w, measurements ? "mesures.csv" : "indicateurs.csv");
}

}  // namespace

Response dashboard_csv(Context& ctx) {
  const std::string table = ctx.param("table");
  if (table == "indicateurs" || table == "mesures") return impact_csv(ctx, table == "mesures");
  if (table != "etapes" && table != "actions" && table != "coalitions") return fv::not_found(ctx);
  // The stages' and the actions' tables show programme-wide figures alone: every coalition's pace
  // and diversity cost 5 ms for their eight lines.
  Dashboard d;
  if (table == "coalitions") {
    d = load_dashboard(ctx.db, ctx.now);
    fill_heterogeneity(ctx.db, d, 0, d.coalitions.size());
  } else {
    d = load_dashboard_figures(ctx.db, ctx.now);
  }
  csv::Writer w;
  if (table == "etapes") {
    w.row({"stage", "coalitions"});
    for (const auto& [slug, n] : d.coalitions_per_stage) w.row({slug, std::to_string(n)});
  } else if (table == "actions") {
    w.row({"status", "commande", "offre", "usages"});
    for (const auto& s : kStatuses) {
      std::vector<std::string> row{s.slug};
      for (const auto& l : kLevers) {
        auto it = d.actions.find({s.slug, l.slug});
        row.push_back(std::to_string(it == d.actions.end() ? 0 : it->second));
      }
      w.row(row);
    }
  } else {
    std::vector<std::string> head{"number", "title", "stage", "days_in_current_stage", "days_since_last_activity"};
    for (const auto& s : coalitions::kStages) head.push_back(std::string("days_") + s.slug);
    for (const char* c : {"organisations", "kinds", "diversity_gini_simpson"}) head.push_back(c);
    w.row(head);
    for (const auto& p : d.coalitions) {
      std::vector<std::string> row{p.coalition.number, p.coalition.title, p.coalition.stage,
                                   std::to_string(p.days_in_current_stage), std::to_string(p.days_since_activity)};
      for (const auto& s : coalitions::kStages) {
        auto it = p.days_in_stage.find(s.slug);
        row.push_back(it == p.days_in_stage.end() ? "0" : std::to_string(it->second));
      }
      row.push_back(std::to_string(p.organisations));
      row.push_back(std::to_string(p.distinct_kinds));
      row.push_back(fmt::format("{:.4f}", p.diversity));
      w.row(row);
    }
  }
  return csv::response(w, "tableau-de-bord-" + table + ".csv");
}

}  // namespace fabrique::roadmaps::pages
