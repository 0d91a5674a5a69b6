// SQL for actions (with their revisions and carrying organisations), indicators, measurements, the
// actors of coalitions and the programme-wide figures of the dashboard.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "coalitions/model.hpp"
#include "roadmaps/matrix.hpp"
#include "roadmaps/model.hpp"
#include "storage/database.hpp"

namespace fabrique::roadmaps::store {

using storage::Connection;

struct ActionFilter {
  std::optional<std::int64_t> coalition_id;
  std::string lever, status, quality;          // empty: any
  std::vector<std::int64_t> organisation_ids;  // carried by one of them; empty: any
  std::int64_t limit = -1;                     // -1: all
  std::int64_t offset = 0;
};

// Actions (sub-actions included) by coalition then id, with their computed progress and their
// carrying organisations: two queries whatever the number of actions.
std::vector<Action> actions(Connection& c, const ActionFilter& f);
std::int64_t count_actions(Connection& c, const ActionFilter& f);

// Every action `f` keeps (its limit and offset ignored), planned to be read a batch of whole
// coalitions at a time, so that an export holds one batch in memory whatever the programme's size.
// A batch is a range of coalition numbers (number_key, bounds included) with about
// storage::kExportBatch actions; coalitions sharing a number are never split, so the batches read
// in turn give the same rows in the same order as actions(c, f). Read the plan and its batches in
// one transaction.
struct ActionBatches {
  std::int64_t count = 0;  // actions in all the batches
  std::vector<std::pair<std::string, std::string>> ranges;
};
ActionBatches action_batches(Connection& c, const ActionFilter& f);
std::vector<Action> actions(Connection& c, const ActionFilter& f, const std::pair<std::string, std::string>& range);
std::optional<Action> action(Connection& c, std::int64_t coalition_id, std::int64_t id);
bool has_sub_actions(Connection& c, std::int64_t action_id);

std::int64_t insert_action(Connection& c, const Action& a);
// Writes the current values and moves the revision from a.revision - 1 to a.revision; false when
// someone saved meanwhile (nothing written).
bool update_action(Connection& c, const Action& a);
// Links with events' minutes (migration 0009): the action made from a next step, if any; the actions
// made from the next steps of one event (one query for the whole minutes page).
std::optional<std::int64_t> action_of_next_step(Connection& c, std::int64_t next_step_id);
// The slug of the coalition an action belongs to, if the action exists.
std::optional<std::string> coalition_slug_of_action(Connection& c, std::int64_t action_id);
std::vector<ActionFromStep> actions_from_event(Connection& c, std::int64_t event_id);
// The events of a coalition an action may be linked to, newest first; and an action's links.
std::vector<LinkedEvent> coalition_events(Connection& c, std::int64_t coalition_id);
void set_events(Connection& c, std::int64_t action_id, const std::vector<LinkedEvent>& events);

void set_organisations(Connection& c, std::int64_t action_id, const std::vector<std::int64_t>& organisation_ids);
void insert_revision(Connection& c, std::int64_t action_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds at, const std::string& comment, const std::string& snapshot,
                     std::optional<std::int64_t> restored_from = std::nullopt,
                     std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<ActionRevision> revisions(Connection& c, std::int64_t action_id);  // newest first

// Moves the coalition's last activity forward to `at` (never backwards: a change dated in the past,
// such as a measurement recorded late, must not make an active coalition look idle).
void touch_coalition(Connection& c, std::int64_t coalition_id, sys_seconds at);

// Indicators of one coalition with their measurements by date (two queries).
std::vector<Indicator> indicators(Connection& c, std::int64_t coalition_id);
// Every indicator of the programme, by coalition, with its measurements (two queries).
std::vector<Indicator> all_indicators(Connection& c);
std::optional<Indicator> indicator(Connection& c, std::int64_t coalition_id, std::int64_t id);
std::int64_t insert_indicator(Connection& c, const Indicator& i);
// Writes the current values and moves the revision from i.revision - 1 to i.revision; false when
// someone saved meanwhile (nothing written).
bool update_indicator(Connection& c, const Indicator& i);
void insert_indicator_revision(Connection& c, std::int64_t indicator_id, std::int64_t number,
                               std::optional<std::int64_t> author, sys_seconds at, const std::string& comment,
                               const std::string& snapshot, std::optional<std::int64_t> restored_from = std::nullopt,
                               std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<Revision> indicator_revisions(Connection& c, std::int64_t indicator_id);  // newest first
std::optional<Measurement> measurement(Connection& c, std::int64_t indicator_id, std::int64_t id);
// Write m (its id, its new revision) / delete it; both touch the indicator's updated_at.
void update_measurement(Connection& c, std::int64_t indicator_id, const Measurement& m, sys_seconds now);
void delete_measurement(Connection& c, std::int64_t indicator_id, std::int64_t id, sys_seconds now);
// A correction (after set) or a removal (after null) of `before`, and the list of them, newest first.
void insert_measurement_change(Connection& c, std::int64_t indicator_id, const Measurement& before,
                               const Measurement* after, const std::string& reason, std::optional<std::int64_t> author,
                               sys_seconds now);
std::vector<MeasurementChange> measurement_changes(Connection& c, std::int64_t indicator_id);
void insert_measurement(Connection& c, std::int64_t indicator_id, const Measurement& m,
                        std::optional<std::int64_t> author, sys_seconds now);
bool indicator_exists(Connection& c, std::int64_t coalition_id, std::int64_t indicator_id);

// Who takes part in coalitions and how (members' organisations, declarations, organisations that
// carry actions), with the coalition id first; one query, for one coalition or for all.
std::vector<std::pair<std::int64_t, ActorRecord>> actors(Connection& c, std::optional<std::int64_t> coalition_id);
std::vector<KindDef> kinds(Connection& c);

// How many distinct organisations of each kind take part in each coalition, from the same three
// sources as actors(): the dashboard's diversity figures in one grouped query of three integers a row.
struct KindCount {
  std::int64_t coalition_id = 0, kind_id = 0, organisations = 0;
};
// Only for the coalitions in `ids` when given (the page shown), else for all (the exports).
std::vector<KindCount> organisations_per_kind(Connection& c, const std::vector<std::int64_t>* ids = nullptr);

// Every coalition with only what the dashboard shows of it (id, number, slug, title, stage, stage
// since, last activity; the other fields left empty), in the order of the coalitions list.
std::vector<coalitions::Coalition> dashboard_coalitions(Connection& c);
// The same for `limit` coalitions from `offset` in the dashboard's order: the longest without
// activity first (the earliest last activity; ties by id).
std::vector<coalitions::Coalition> quietest_coalitions(Connection& c, std::int64_t offset, std::int64_t limit);
// Number of coalitions at each stage (stage slug → count; stages without any left out).
std::map<std::string, std::int64_t> coalitions_per_stage(Connection& c);

struct StageEntry {
  std::int64_t coalition_id = 0;
  std::string stage;
  sys_seconds at{};
};
// Every stage change of every coalition, by coalition then date (one query).
std::vector<StageEntry> stage_entries(Connection& c);
// The same for the coalitions `ids` only.
std::vector<StageEntry> stage_entries(Connection& c, const std::vector<std::int64_t>& ids);

// Number of actions per (status, lever), sub-actions included.
std::map<std::pair<std::string, std::string>, std::int64_t> actions_by_status_and_lever(Connection& c);
// Achieved victories, most recently updated first, with their coalition.
std::vector<Action> achieved_victories(Connection& c, std::int64_t limit);
std::int64_t count_achieved_victories(Connection& c);

}  // namespace fabrique::roadmaps::store
