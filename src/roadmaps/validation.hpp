// Reading typed input (days, numbers, bounded text) into the model, with field errors.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "roadmaps/model.hpp"
#include "roadmaps/use_cases.hpp"
#include "storage/database.hpp"

namespace fabrique::roadmaps::validation {

// "2021-06-22" → that day at 00:00 UTC; nothing for anything else (including impossible dates).
std::optional<sys_seconds> parse_day(std::string_view text);
// "12", "3,5", "-0.25" → the number; nothing when it is not one (or not finite).
std::optional<double> parse_number(std::string_view text);
// Checks the length and characters of a single-line (or multi-line) text; adds `message` if wrong.
std::string bounded(std::string_view text, std::size_t max, bool multiline, const char* field, const char* message,
                    FieldErrors& errors);

// Every field of an action except its organisations and parent (which need the database). The
// result carries the trimmed values; errors are added field by field.
Action read_action(const ActionInput& in, FieldErrors& errors);

// The parts of an action that need the database: its carrying organisations (by slug) and its
// parent (a top-level action of the same coalition, other than `self`, and only if `self` has no
// sub-actions of its own: one level of sub-actions keeps progress easy to read).
void resolve(storage::Connection& c, std::int64_t coalition_id, std::optional<std::int64_t> self, const ActionInput& in,
             Action& a, FieldErrors& errors);

// Every field of the action as JSON: what a revision keeps.
std::string snapshot(const Action& a);
// An old revision's snapshot as form input, to restore it: its carrying organisations are found
// again by name (the snapshot keeps names); a value that is gone since is refused by validation.
ActionInput input_of_snapshot(storage::Connection& c, const std::string& snapshot);

// Every field of an indicator (name, unit, quality, impact kind, description, baseline, target),
// trimmed, with errors added field by field.
Indicator read_indicator(const IndicatorInput& in, FieldErrors& errors);
// Every field of the indicator as JSON: what a revision keeps.
std::string snapshot(const Indicator& i);
// An old revision's snapshot as form input, to restore it; a value no longer accepted is refused by
// validation.
IndicatorInput indicator_input_of_snapshot(const std::string& snapshot);
// Revision `number` among `revisions`, to restore over revision `current`; NotFound when there is no
// such revision or it is the current one (nothing to bring back).
const Revision& revision_to_restore(const std::vector<Revision>& revisions, std::int64_t number, std::int64_t current);
// A measurement's date, value and source, with errors added field by field.
Measurement read_measurement(const MeasurementInput& in, FieldErrors& errors);

}  // namespace fabrique::roadmaps::validation
