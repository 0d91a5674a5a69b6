// Reading the dashboard: at most eight queries whatever the number of coalitions, the rest computed in memory.
#include "roadmaps/dashboard.hpp"

#include <algorithm>
#include <unordered_map>

#include "coalitions/store.hpp"
#include "roadmaps/matrix.hpp"
#include "roadmaps/store.hpp"

namespace fabrique::roadmaps {

namespace {
std::int64_t days(std::chrono::seconds s) { return std::max<std::int64_t>(0, s.count() / 86400); }
}  // namespace

Dashboard load_dashboard(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, false);  // one consistent snapshot for every figure
  Dashboard d;
  auto list = store::dashboard_coalitions(c);
  // The quietest first (ties in the list's order), ordered as indices before anything is built:
  // sorting the paces themselves moved a thousand large objects on every signed-in view.
  std::vector<std::int64_t> idle(list.size());
  std::vector<std::size_t> order(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    idle[i] = days(now - list[i].last_activity_at);
    order[i] = i;
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return idle[a] > idle[b]; });
  std::map<std::string, std::int64_t> per_stage;
  std::unordered_map<std::int64_t, std::size_t> index;
  d.coalitions.reserve(list.size());
  for (auto i : order) {
    auto& k = list[i];
    ++per_stage[k.stage];
    index[k.id] = d.coalitions.size();
    CoalitionPace p;
    p.days_in_current_stage = days(now - k.stage_since);
    p.days_since_activity = idle[i];
    p.coalition = std::move(k);
    d.coalitions.push_back(std::move(p));
  }
  for (const auto& s : coalitions::kStages) d.coalitions_per_stage.emplace_back(s.slug, per_stage[s.slug]);

  // Time in each stage: from each change to the next one, the last one running until now.
  auto entries = store::stage_entries(c);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    auto it = index.find(entries[i].coalition_id);
    if (it == index.end()) continue;
    bool last = i + 1 == entries.size() || entries[i + 1].coalition_id != entries[i].coalition_id;
    sys_seconds end = last ? now : entries[i + 1].at;
    d.coalitions[it->second].days_in_stage[entries[i].stage] += days(end - entries[i].at);
  }

  d.actions = store::actions_by_status_and_lever(c);
  d.victories = store::count_achieved_victories(c);
  d.recent_victories = store::achieved_victories(c, kRecentVictories);
  // One query for every coalition's events (an event may belong to several, or to none).
  for (const auto& r : c.query("SELECT slug, title, starts_at FROM events WHERE ends_at > ? "
                               "ORDER BY starts_at, id LIMIT ?",
                               {std::int64_t(now.time_since_epoch().count()), kUpcomingEvents}))
    d.upcoming_events.push_back({r.text(0), r.text(1), sys_seconds{std::chrono::seconds{r.integer(2)}}});

  return d;
}

void fill_heterogeneity(storage::Connection& c, Dashboard& d, std::size_t first, std::size_t last) {
  last = std::min(last, d.coalitions.size());
  if (first >= last) return;
  std::map<std::int64_t, std::size_t> index;
  std::vector<std::int64_t> ids;
  for (std::size_t i = first; i < last; ++i) {
    index[d.coalitions[i].coalition.id] = i;
    ids.push_back(d.coalitions[i].coalition.id);
  }
  const bool all = first == 0 && last == d.coalitions.size();
  // Diversity from counts alone: the same Gini–Simpson as the coalition page's matrix, which also
  // names the organisations; here only the figures are shown.
  std::map<std::int64_t, std::vector<std::int64_t>> per_kind;  // coalition → organisations of each kind
  for (const auto& k : store::organisations_per_kind(c, all ? nullptr : &ids))
    per_kind[k.coalition_id].push_back(k.organisations);
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
