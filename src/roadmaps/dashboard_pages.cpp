// The programme dashboard (public): coalitions per stage as a funnel, who is stuck, actions by status
// and lever, victories, and the pace and heterogeneity of every coalition. Every chart has its table,
// every table its CSV; the whole as JSON.
#include <boost/json.hpp>
#include <date/date.h>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/views.hpp"
#include "common/csv.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/dashboard.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/views.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Coalitions per page in the pace table: the page stays light with a thousand coalitions; the CSV
// and the JSON have them all.
constexpr std::int64_t kRowsPerPage = 30;
constexpr std::size_t kStuckShown = 10;

Html csv_link(const Context& ctx, const char* table) {
  return render(R"(<p><a href="/tableau-de-bord/{}.csv">{}</a></p>)", table, ctx.tr(N_("Download this table as CSV")));
}

std::string stage_times(const Context& ctx, const CoalitionPace& p) {
  std::string out;
  for (const auto& s : coalitions::kStages) {
    auto it = p.days_in_stage.find(s.slug);
    if (it == p.days_in_stage.end()) continue;
    out += (out.empty() ? "" : " · ") + ctx.tr(s.label) + " " + coalitions::views::days(ctx, std::chrono::hours(24 * it->second));
  }
  return out;
}

}  // namespace

Response dashboard(Context& ctx) {
  Dashboard d = load_dashboard(ctx.db, ctx.now);

  // Funnel of stages.
  std::vector<charts::Bar> stage_bars;
  Html stage_rows;
  for (const auto& [slug, n] : d.coalitions_per_stage) {
    stage_bars.push_back({coalitions::views::stage_label(ctx, slug), static_cast<double>(n)});
    stage_rows += render(R"(<tr><th scope="row">{}</th><td>{}</td></tr>)", coalitions::views::stage_label(ctx, slug), n);
  }
  charts::Frame stages_frame{"etapes", ctx.tr(N_("Coalitions per stage")),
                             ctx.tr(N_("How many coalitions are at each stage, from idea to landed.")),
                             ctx.tr(N_("No coalition yet.")), "", views::decimal(ctx)};

  // Who is stuck: the coalitions longest without activity.
  std::vector<charts::Bar> stuck;
  for (std::size_t i = 0; i < d.coalitions.size() && i < kStuckShown; ++i)
    stuck.push_back({coalitions::views::full_title(d.coalitions[i].coalition).substr(std::string("Coalition ").size()),
                     static_cast<double>(d.coalitions[i].days_since_activity)});
  charts::Frame stuck_frame{"sans-activite", ctx.tr(N_("Longest without activity")),
                            ctx.tr(N_("Days since the last activity of the coalitions that have been quiet the longest.")),
                            ctx.tr(N_("No coalition yet.")), ctx.lang() == i18n::Lang::fr ? " j" : " d", views::decimal(ctx)};

  // Actions by status (rows) and lever (series).
  std::vector<std::string> levers;
  for (const auto& l : kLevers) levers.push_back(views::lever_short(ctx, l.slug));
  std::vector<charts::Stack> status_rows;
  Html action_rows;
  std::int64_t total_actions = 0;
  for (const auto& s : kStatuses) {
    charts::Stack row{ctx.tr(s.label), {}};
    Html cells;
    std::int64_t sum = 0;
    for (const auto& l : kLevers) {
      auto it = d.actions.find({s.slug, l.slug});
      std::int64_t n = it == d.actions.end() ? 0 : it->second;
      row.values.push_back(static_cast<double>(n));
      cells += render("<td>{}</td>", n);
      sum += n;
    }
    total_actions += sum;
    status_rows.push_back(std::move(row));
    action_rows += render(R"(<tr><th scope="row">{}</th>{}<td>{}</td></tr>)", ctx.tr(s.label), cells, sum);
  }
  charts::Frame actions_frame{"actions", ctx.tr(N_("Actions by status and lever")),
                              ctx.tr(N_("Number of actions at each status, split by lever.")),
                              ctx.tr(N_("No action yet.")), "", views::decimal(ctx)};
  Html lever_head;
  for (const auto& l : levers) lever_head += render(R"(<th scope="col">{}</th>)", l);

  Html victories;
  for (const auto& a : d.recent_victories)
    victories += render(R"(<li><a href="/coalitions/{}/feuille-de-route/{}">{}</a> — {}</li>)", a.coalition_slug,
                        a.id, a.title, fmt::format(fmt::runtime(ctx.tr(N_("coalition {}"))), a.coalition_number));

  // Upcoming events, at Paris time.
  Html events;
  for (const auto& e : d.upcoming_events)
    events += render(R"(<li><a href="/evenements/{}">{}</a> — <time datetime="{}">{}</time></li>)", e.slug, e.title,
                     date::format("%FT%TZ", e.starts_at), ctx.t->datetime(e.starts_at));

  // Pace and heterogeneity, paged.
  const auto total = static_cast<std::int64_t>(d.coalitions.size());
  std::int64_t pages = std::max<std::int64_t>(1, (total + kRowsPerPage - 1) / kRowsPerPage);
  std::int64_t page = views::page_of(ctx, pages);
  fill_heterogeneity(ctx.db, d, static_cast<std::size_t>((page - 1) * kRowsPerPage),
                     static_cast<std::size_t>(page * kRowsPerPage));
  Html pace_rows;
  for (std::int64_t i = (page - 1) * kRowsPerPage; i < std::min(total, page * kRowsPerPage); ++i) {
    const auto& p = d.coalitions[static_cast<std::size_t>(i)];
    pace_rows += render(
        R"(<tr><th scope="row"><a href="/coalitions/{}">{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)",
        p.coalition.slug, p.coalition.number + " — " + p.coalition.title,
        coalitions::views::stage_label(ctx, p.coalition.stage), p.days_in_current_stage, p.days_since_activity,
        stage_times(ctx, p), p.distinct_kinds, charts::number(p.diversity, views::decimal(ctx)));
  }
  Html pager = views::pager(ctx, "/tableau-de-bord?page=", "#rythme", page, pages);

  Html body = render(
      R"(<h1>{}</h1><p>{}</p>
<section aria-labelledby="h-etapes"><h2 id="h-etapes">{}</h2><figure>{}</figure><div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>{}</section>
<section aria-labelledby="h-actions"><h2 id="h-actions">{}</h2><p>{}</p><figure>{}</figure><div class="table"><table><thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>{}</section>
<section aria-labelledby="h-victoires"><h2 id="h-victoires">{}</h2><p>{}</p>{}</section>
<section aria-labelledby="h-evenements"><h2 id="h-evenements">{}</h2>{}<p><a href="/evenements">{}</a></p></section>
<section aria-labelledby="rythme"><h2 id="rythme">{}</h2><p>{}</p><figure>{}</figure>
<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>{}{}</section>
<p><a href="/tableau-de-bord.json">{}</a> · <a href="/feuille-de-route">{}</a></p>)",
      ctx.tr(N_("Programme dashboard")),
      ctx.tr(N_("Where the coalitions stand, how fast they move, what they achieve and how diverse their actors are.")),
      ctx.tr(N_("Coalitions per stage")), charts::bar_chart(stages_frame, stage_bars, true), ctx.tr(N_("Stage")),
      ctx.tr(N_("Coalitions")), stage_rows, csv_link(ctx, "etapes"), ctx.tr(N_("Actions by status and lever")),
      fmt::format(fmt::runtime(ctx.trn("{} action in all.", "{} actions in all.", static_cast<long>(total_actions))),
                  total_actions),
      charts::stacked_bars(actions_frame, levers, status_rows), ctx.tr(N_("Status")), lever_head, ctx.tr(N_("Total")),
      action_rows, csv_link(ctx, "actions"), ctx.tr(N_("Victories achieved")),
      fmt::format(fmt::runtime(ctx.trn("{} victory achieved.", "{} victories achieved.", static_cast<long>(d.victories))),
                  d.victories),
      victories.empty() ? Html() : render("<ul>{}</ul>", victories), ctx.tr(N_("Upcoming events")),
      events.empty() ? render("<p>{}</p>", ctx.tr(N_("No upcoming event."))) : render(R"(<ul>{}</ul>)", events),
      ctx.tr(N_("All events")), ctx.tr(N_("Pace and heterogeneity of each coalition")),
      ctx.tr(N_("Coalitions do not move at the same pace: the ones quiet the longest come first. The diversity index is the chance that two of a coalition's organisations drawn at random are of different kinds (0: a single kind).")),
      charts::bar_chart(stuck_frame, stuck), ctx.tr(N_("Coalition")), ctx.tr(N_("Stage")),
      ctx.tr(N_("Days in this stage")), ctx.tr(N_("Days since last activity")), ctx.tr(N_("Time in each stage")),
      ctx.tr(N_("Kinds of actor")), ctx.tr(N_("Diversity index")), pace_rows, pager, csv_link(ctx, "coalitions"),
      ctx.tr(N_("This dashboard as JSON")), ctx.tr(N_("Programme roadmap")));
  return fv::page(ctx, ctx.tr(N_("Programme dashboard")), body);
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
  return coalitions::json::response(ctx, out);
}

Response dashboard_csv(Context& ctx) {
  const std::string table = ctx.param("table");
  if (table != "etapes" && table != "actions" && table != "coalitions") return fv::not_found(ctx);
  Dashboard d = load_dashboard(ctx.db, ctx.now);
  fill_heterogeneity(ctx.db, d, 0, d.coalitions.size());
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
  return views::csv_response(w.take(), "tableau-de-bord-" + table + ".csv");
}

}  // namespace fabrique::roadmaps::pages
