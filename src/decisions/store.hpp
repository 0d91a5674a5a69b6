// SQL for decisions, their options and answers, and who belongs to a decision's group.
#pragma once
#include <optional>
#include <vector>

#include "decisions/model.hpp"
#include "storage/database.hpp"

namespace fabrique::decisions::store {

using storage::Connection;

struct Filter {
  std::optional<GroupKind> group;            // empty: any
  std::optional<std::int64_t> coalition_id;  // a coalition's group
  std::optional<bool> open;                  // true: open at `now`, false: closed; empty: both
  sys_seconds now{};
  // What it decides: decisions about this charter version, coalition or action.
  std::optional<std::int64_t> charter_version_id, about_coalition_id, action_id;
  std::optional<sys_seconds> updated_since;  // opened, moved or closed since then
  std::int64_t limit = -1, offset = 0;       // a page of them (-1: all)
};
// Newest first, without their options.
std::vector<Decision> decisions(Connection& c, const Filter& f);
std::int64_t count_decisions(Connection& c, const Filter& f);      // ignoring limit and offset
std::optional<Decision> decision(Connection& c, std::int64_t id);  // with its options
std::int64_t insert(Connection& c, const Decision& d);             // and its options
void update_closing(Connection& c, std::int64_t id, sys_seconds closes_at, sys_seconds now);
void set_outcome(Connection& c, std::int64_t id, const std::string& outcome, sys_seconds now);
void set_closing_told(Connection& c, std::int64_t id);
// Closed decisions whose group was not yet told; oldest first.
std::vector<Decision> closed_untold(Connection& c, sys_seconds now);

// Every answer, with the answerer's public name, oldest first.
std::vector<Answer> answers(Connection& c, std::int64_t decision_id);
// Writes the person's answer over their previous one.
void save_answer(Connection& c, std::int64_t decision_id, const Answer& a, sys_seconds now);

// Whether the person belongs to the decision's group, and everyone who does (for notices).
bool in_group(Connection& c, const Decision& d, std::int64_t user_id);
std::vector<std::int64_t> group_members(Connection& c, const Decision& d);

// The id of the event `slug`; action `id` with its title and its coalition's slug.
std::optional<std::int64_t> event_id(Connection& c, std::string_view slug);
struct ActionRef {
  std::int64_t id = 0;
  std::string title, coalition_slug;
};
std::optional<ActionRef> action(Connection& c, std::int64_t id);
struct GroupChoice {
  std::string slug, title;
  sys_seconds starts_at{};
};
// The events a decision may be put to: those ending at or after `since`, soonest first, 30 at most.
std::vector<GroupChoice> recent_events(Connection& c, sys_seconds since);

}  // namespace fabrique::decisions::store
