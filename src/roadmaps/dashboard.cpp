// Reading the dashboard: a fixed number of queries whatever the number of coalitions; the page reads
// only the coalitions it shows.
#include "roadmaps/dashboard.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <unordered_map>

#include "coalitions/store.hpp"
#include "events/store.hpp"
#include "roadmaps/matrix.hpp"
#include "roadmaps/store.hpp"
#include "storage/settings.hpp"

namespace fabrique::roadmaps {

namespace {

std::int64_t days(std::chrono::seconds s) { return std::max<std::int64_t>(0, s.count() / 86400); }

// The pace of each coalition of `list`, in that order: days without activity, in the current stage,
// and in each stage from `entries` (by coalition then date), the last one running until now.
std::vector<CoalitionPace> paces(std::vector<coalitions::Coalition> list, const std::vector<store::StageEntry>& entries,
                                 sys_seconds now) {
  std::vector<CoalitionPace> out;
  out.reserve(list.size());
  std::unordered_map<std::int64_t, std::size_t> index;
  for (auto& k : list) {
    index[k.id] = out.size();
    CoalitionPace p;
    p.days_in_current_stage = days(now - k.stage_since);
    p.days_since_activity = days(now - k.last_activity_at);
    p.coalition = std::move(k);
    out.push_back(std::move(p));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto it = index.find(entries[i].coalition_id);
    if (it == index.end()) continue;
    bool last = i + 1 == entries.size() || entries[i + 1].coalition_id != entries[i].coalition_id;
    sys_seconds end = last ? now : entries[i + 1].at;
    out[it->second].days_in_stage[entries[i].stage] += days(end - entries[i].at);
  }
  return out;
}

std::vector<std::int64_t> ids_of(const std::vector<coalitions::Coalition>& list) {
  std::vector<std::int64_t> ids;
  for (const auto& k : list) ids.push_back(k.id);
  return ids;
}

// What the dashboard shows of the whole programme besides the coalitions' pace and the events: the
// same for every view until the data change (storage/memo.hpp).
struct Figures {
  std::map<std::string, std::int64_t> per_stage;
  std::map<std::pair<std::string, std::string>, std::int64_t> actions;
  std::int64_t victories = 0;
  std::vector<Action> recent_victories;
};

Figures programme_figures(storage::Connection& c) {
  return storage::settings::memo<Figures>(c, "roadmaps.dashboard", [&] {
    Figures f;
    f.per_stage = store::coalitions_per_stage(c);
    f.actions = store::actions_by_status_and_lever(c);
    f.victories = store::count_achieved_victories(c);
    f.recent_victories = store::achieved_victories(c, kRecentVictories);
    return f;
  });
}

void load_figures(storage::Connection& c, sys_seconds now, Figures f, Dashboard& d) {
  for (const auto& s : coalitions::kStages) {
    auto it = f.per_stage.find(s.slug);
    d.coalitions_per_stage.emplace_back(s.slug, it == f.per_stage.end() ? 0 : it->second);
  }
  d.actions = std::move(f.actions);
  d.victories = f.victories;
  d.recent_victories = std::move(f.recent_victories);
  // One query for every coalition's events (an event may belong to several, or to none).
  const std::int64_t at = now.time_since_epoch().count();
  for (const auto& r : c.query(fmt::format("SELECT e.slug, e.title, e.starts_at FROM events e WHERE {} "
                                           "ORDER BY e.starts_at, e.id LIMIT ?",
                                           events::store::kNotOver),
                               {at, at, kUpcomingEvents}))
    d.upcoming_events.push_back({r.text(0), r.text(1), sys_seconds{std::chrono::seconds{r.integer(2)}}});
}

// The figures of the whole programme into `d`, with how many coalitions it has counted from them:
// the page's and the small tables', which read no coalition's pace beyond those they show.
void load_programme_figures(storage::Connection& c, sys_seconds now, Dashboard& d) {
  Figures figures = programme_figures(c);
  for (const auto& [stage, n] : figures.per_stage) d.coalitions_total += n;
  load_figures(c, now, std::move(figures), d);
}

}  // namespace

Dashboard load_dashboard(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, false);  // one consistent snapshot for every figure
  Dashboard d;
  auto list = store::dashboard_coalitions(c);
  // The quietest first, in the page's order (store::quietest_coalitions), ordered as indices before
  // anything is built: sorting the paces themselves moved a thousand large objects.
  std::vector<std::size_t> order(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(list[a].last_activity_at, list[a].id) < std::pair(list[b].last_activity_at, list[b].id);
  });
  std::vector<coalitions::Coalition> ordered;
  ordered.reserve(list.size());
  for (auto i : order) ordered.push_back(std::move(list[i]));
  d.coalitions = paces(std::move(ordered), store::stage_entries(c), now);
  d.coalitions_total = static_cast<std::int64_t>(d.coalitions.size());
  d.quietest.assign(d.coalitions.begin(), d.coalitions.begin() + std::min<std::int64_t>(kQuietest, d.coalitions_total));
  load_figures(c, now, programme_figures(c), d);
  return d;
}

Dashboard load_dashboard_window(storage::Connection& c, sys_seconds now, std::int64_t first, std::int64_t count) {
  storage::Transaction tx(c, false);  // one consistent snapshot for every figure
  Dashboard d;
  load_programme_figures(c, now, d);
  d.first = first;
  auto window = store::quietest_coalitions(c, first, count);
  const auto ids = ids_of(window);
  d.coalitions = paces(std::move(window), store::stage_entries(c, ids), now);
  if (first == 0 && count >= kQuietest) {
    d.quietest.assign(d.coalitions.begin(),
                      d.coalitions.begin() + std::min<std::size_t>(kQuietest, d.coalitions.size()));
  } else {
    d.quietest = paces(store::quietest_coalitions(c, 0, kQuietest), {}, now);
  }
  return d;
}

Dashboard load_dashboard_figures(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, false);  // one consistent snapshot for every figure
  Dashboard d;
  load_programme_figures(c, now, d);
  return d;
}

namespace {
// The organisations of each kind in the coalitions `ids` (a page of the dashboard), or in every
// coalition (null: the exports, 25 ms of reading at the bench's size), kept until what they were
// counted from changes: a declaration on a coalition outside the page keeps a page's, though the page
// itself is rendered again (it shows every coalition's activity).
std::vector<store::KindCount> kinds_of(storage::Connection& c, const std::vector<std::int64_t>* ids) {
  std::string name = "roadmaps.kinds";
  if (ids)
    for (auto id : *ids) fmt::format_to(std::back_inserter(name), ",{}", id);
  return storage::settings::memo<std::vector<store::KindCount>>(c, name,
                                                                [&] { return store::organisations_per_kind(c, ids); });
}
}  // namespace

void fill_heterogeneity(storage::Connection& c, Dashboard& d, std::size_t first, std::size_t last) {
  last = std::min(last, d.coalitions.size());
  if (first >= last) return;
  std::map<std::int64_t, std::size_t> index;
  std::vector<std::int64_t> ids;
  for (std::size_t i = first; i < last; ++i) {
    index[d.coalitions[i].coalition.id] = i;
    ids.push_back(d.coalitions[i].coalition.id);
  }
  // Every coalition of the programme (the exports): no filter to send.
  const bool all =
      first == 0 && last == d.coalitions.size() && d.coalitions_total == static_cast<std::int64_t>(d.coalitions.size());
  // Diversity from counts alone: the same Gini–Simpson as the coalition page's matrix, which also
  // names the organisations; here only the figures are shown.
  std::map<std::int64_t, std::vector<std::int64_t>> per_kind;  // coalition → organisations of each kind
  for (const auto& k : kinds_of(c, all ? nullptr : &ids)) per_kind[k.coalition_id].push_back(k.organisations);
  for (auto& [coalition_id, counts] : per_kind) {
    auto it = index.find(coalition_id);
    if (it == index.end()) continue;
    auto& p = d.coalitions[it->second];
    p.distinct_kinds = static_cast<std::int64_t>(counts.size());
    for (auto n : counts) p.organisations += n;
    p.diversity = gini_simpson(counts);
  }
}

}  // namespace fabrique::roadmaps
