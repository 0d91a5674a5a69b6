// The figures of the programme dashboard, read with a fixed number of queries whatever the number of
// coalitions (no query per coalition): stages, pace, actions, victories and heterogeneity.
#pragma once
#include <map>
#include <vector>

#include "coalitions/model.hpp"
#include "roadmaps/model.hpp"
#include "storage/database.hpp"

namespace fabrique::roadmaps {

struct CoalitionPace {
  coalitions::Coalition coalition;
  std::map<std::string, std::int64_t> days_in_stage;  // stage slug → days spent there (current stage included)
  std::int64_t days_in_current_stage = 0;
  std::int64_t days_since_activity = 0;
  std::int64_t organisations = 0, distinct_kinds = 0;
  double diversity = 0;
};

// An event still to come, for the dashboard's list (migration 0005's events).
struct UpcomingEvent {
  std::string slug, title;
  sys_seconds starts_at{};
};

struct Dashboard {
  std::vector<std::pair<std::string, std::int64_t>> coalitions_per_stage;  // every stage, in order
  std::map<std::pair<std::string, std::string>, std::int64_t> actions;     // (status, lever) → count
  std::int64_t victories = 0;
  std::vector<Action> recent_victories;
  std::vector<CoalitionPace> coalitions;  // longest without activity first (all, or a window of them)
  std::int64_t first = 0;                 // position of coalitions[0] among all of them
  std::int64_t coalitions_total = 0;
  std::vector<CoalitionPace> quietest;         // the kQuietest longest without activity
  std::vector<UpcomingEvent> upcoming_events;  // not yet ended, soonest first
};

inline constexpr std::int64_t kRecentVictories = 10;
inline constexpr std::int64_t kUpcomingEvents = 5;
inline constexpr std::int64_t kQuietest = 10;

// Everything but the heterogeneity figures, which fill_heterogeneity adds: the exports' dashboard,
// every coalition's pace.
Dashboard load_dashboard(storage::Connection& c, sys_seconds now);
// The page's: the same figures of the whole programme, but the pace of only `count` coalitions from
// `first` in the dashboard's order, so that its cost does not grow with the number of coalitions.
Dashboard load_dashboard_window(storage::Connection& c, sys_seconds now, std::int64_t first, std::int64_t count);
// The figures of the whole programme alone (coalitions per stage, actions, victories, upcoming
// events): no coalition's pace, for the tables that show none.
Dashboard load_dashboard_figures(storage::Connection& c, sys_seconds now);
// The organisations, kinds and diversity of d.coalitions[first, last) (in the dashboard's order):
// one query, for the page shown or for all of them (the exports).
void fill_heterogeneity(storage::Connection& c, Dashboard& d, std::size_t first, std::size_t last);

}  // namespace fabrique::roadmaps
