// What people do with roadmaps and indicators. Each use case is one transaction, checks
// permissions itself (only the coalition's co-porteurs and the animateurs change its actions and
// indicators), and knows nothing of HTTP: pages, the demo loader and tests call these functions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "roadmaps/model.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::roadmaps {

using accounts::User;

// May `actor` change this coalition's roadmap and indicators? Its co-porteurs and the animateurs.
bool can_edit(storage::Connection& c, const User* actor, std::int64_t coalition_id);

// An action as typed in the form: text everywhere, validated by the use case.
struct ActionInput {
  std::string parent;  // id of the action this one is a sub-action of, or empty
  std::string title, description, lever, scale, status, abandon_reason;
  std::string starts_on, due_on;  // YYYY-MM-DD or empty
  std::string progress;           // 0–100; ignored when the action has sub-actions
  bool victory = false;
  std::vector<std::string> qualities;      // slugs of kQualities
  std::vector<std::string> organisations;  // slugs of carrying organisations
  std::string resources;                   // one address per line
  std::vector<std::string> events;         // slugs of linked events, among the coalition's
  std::string comment;                     // what changed, shown in the history
  std::int64_t base_revision = 0;          // on update: the revision the editor started from
  std::int64_t origin_next_step = 0;       // on create: the next step of an event's minutes it comes from
  text::MergeAnswer merge;                 // from the conflict page: how each field both sides changed was settled
};

struct ActionResult {
  FieldErrors errors;
  bool conflict = false;   // someone saved since base_revision: nothing written
  bool unchanged = false;  // nothing differed: no revision made
  std::int64_t id = 0;
  std::int64_t revision = 0;
  std::optional<Action> current;  // on conflict: the action as it is now
  // After a form from an older revision that changed a field someone else changed meanwhile,
  // differently (or left such a field unsettled): the fields to settle, and the form to show next.
  text::Resolution merge;
  std::optional<ActionInput> merged;
  std::int64_t merged_with = 0;  // the new revision was merged with that one, saved meanwhile
};

// create_action.cpp. Outcomes: created as revision 1 | field errors (empty title, unknown lever,
// scale, status, quality or organisation, progress outside 0–100, due date before start,
// abandonment without a reason, a parent that is not a top-level action of the coalition) |
// Forbidden | NotFound (coalition).
ActionResult create_action(storage::Connection& c, const User& actor, std::string_view slug, const ActionInput& in,
                           sys_seconds now);

// What an action made from a next step of an event's minutes starts from: the form pre-filled from
// the step (title = what, the whole step as description when the title had to be cut, due date = by
// when, status proposed), lever and scale left for the person to choose.
struct NextStepDraft {
  std::string coalition_slug;  // the step's coalition, whose roadmap gets the action
  std::string event_title;
  std::string step;  // the step's text
  ActionInput action;
};

// from_next_step.cpp. The draft of next step `item_id` of the event's minutes. Reads only.
// Outcomes: the draft | NotFound (no such next step in this event, or no coalition linked).
NextStepDraft next_step_draft(storage::Connection& c, std::string_view event_slug, std::int64_t item_id);

// from_next_step.cpp. Adds action `in` (the draft as the person completed it) to the roadmap of the
// step's coalition, keeping the link both ways. Outcomes: created | field errors (those of
// create_action; "origin": the step was already turned into an action) | Forbidden (not a co-porteur
// or animateur of the step's coalition) | NotFound (no such next step in this event, or no coalition
// linked).
ActionResult action_from_next_step(storage::Connection& c, const User& actor, std::string_view event_slug,
                                   std::int64_t item_id, ActionInput in, sys_seconds now);

// update_action.cpp. A new revision with every field; a form from an older revision is merged field
// by field with what was saved since (text::resolve). Outcomes: saved (merged_with set after a merge)
// | unchanged | conflict (409; fields to settle) | field errors (a field to settle left unsettled) |
// Forbidden | NotFound (coalition or action).
ActionResult update_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                           const ActionInput& in, sys_seconds now);

// update_action.cpp. Brings back the values of revision `number` as a new revision that says so.
// Outcomes: restored | unchanged (the action already has those values) | field errors (a value that
// is gone since, such as a deleted event or organisation: nothing written) | Forbidden | NotFound
// (coalition, action, or no such older revision).
ActionResult restore_action_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                                     std::int64_t number, sys_seconds now);

// index_action.cpp. Puts the action in the search index (type "action", public, under its
// coalition): create_action and update_action call it inside their transaction.
void index_action(storage::Connection& c, const Action& a, std::string_view coalition_slug);

struct IndicatorInput {
  std::string name, unit, quality, impact, description;
  std::string baseline, target;    // numbers (comma or point), or empty
  std::string comment;             // on update: what changed, shown in the history
  std::int64_t base_revision = 0;  // on update: the revision the editor started from
  text::MergeAnswer merge;         // from the conflict page: how each field both sides changed was settled
};

struct IndicatorResult {
  FieldErrors errors;
  bool conflict = false;   // someone saved since base_revision: nothing written
  bool unchanged = false;  // nothing differed: no revision made
  std::int64_t revision = 0;
  std::optional<Indicator> current;  // on conflict: the indicator as it is now
  // After a form from an older revision that changed a field someone else changed meanwhile,
  // differently (or left such a field unsettled): the fields to settle, and the form to show next.
  text::Resolution merge;
  std::optional<IndicatorInput> merged;
  std::int64_t merged_with = 0;  // the new revision was merged with that one, saved meanwhile
};

// create_indicator.cpp. Outcomes: the new id | field errors (empty name, unknown quality or impact
// kind, a baseline or target that is not a number) | Forbidden | NotFound.
std::int64_t create_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                              const IndicatorInput& in, sys_seconds now, FieldErrors& errors);

struct MeasurementInput {
  std::string measured_on;         // YYYY-MM-DD
  std::string value;               // a number
  std::string source;              // where the figure comes from
  std::string reason;              // on correction or removal: why, kept in the indicator's history
  std::int64_t base_revision = 0;  // on correction or removal: the revision the editor saw
};

// update_indicator.cpp. A new revision with every field; a form from an older revision is merged
// field by field with what was saved since (text::resolve). Outcomes: saved (merged_with set after a
// merge) | unchanged | conflict (409; fields to settle) | field errors (as create_indicator, and a
// comment too long; a field to settle left unsettled) | Forbidden | NotFound.
IndicatorResult update_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                                 std::int64_t indicator_id, const IndicatorInput& in, sys_seconds now);

// update_indicator.cpp. Brings back the values of revision `number` as a new revision that says so.
// Outcomes: restored | unchanged (the indicator already has those values) | field errors (a value no
// longer accepted: nothing written) | Forbidden | NotFound (coalition, indicator, or no such older
// revision).
IndicatorResult restore_indicator_revision(storage::Connection& c, const User& actor, std::string_view slug,
                                           std::int64_t indicator_id, std::int64_t number, sys_seconds now);

struct MeasurementResult {
  FieldErrors errors;
  bool conflict = false;  // corrected or removed by someone else since base_revision: nothing written
};

// change_measurement.cpp. Corrects a measurement's date, value or source, keeping the old values in
// the indicator's history. Outcomes: corrected | field errors (as record_measurement, and a reason
// too long) | conflict | Forbidden | NotFound (coalition, indicator or measurement).
MeasurementResult correct_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                                      std::int64_t indicator_id, std::int64_t measurement_id,
                                      const MeasurementInput& in, sys_seconds now);
// change_measurement.cpp. Removes a measurement, keeping its values, who and why in the indicator's
// history. Outcomes: removed | field errors (no reason, or too long) | conflict | Forbidden | NotFound.
MeasurementResult remove_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                                     std::int64_t indicator_id, std::int64_t measurement_id, const MeasurementInput& in,
                                     sys_seconds now);

// record_measurement.cpp. Outcomes: recorded | field errors (no date, no value, not a number,
// source too long) | Forbidden | NotFound (coalition or indicator).
FieldErrors record_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                               std::int64_t indicator_id, const MeasurementInput& in, sys_seconds now);

}  // namespace fabrique::roadmaps
