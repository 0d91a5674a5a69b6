// What people do with decisions. Each use case is one transaction, checks permissions itself, and
// knows nothing of HTTP; times come from the caller's clock.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "decisions/model.hpp"
#include "storage/database.hpp"

namespace fabrique::decisions {

using accounts::User;

// --- Permissions (permissions.cpp)

// Animateurs open a decision for any group; a co-porteur for the members of their coalition.
bool can_open(storage::Connection& c, const User* actor, GroupKind group, std::optional<std::int64_t> coalition_id);
// Those of the decision's group answer, and see the answers with their reasons; the animateurs see
// them too.
bool can_answer(storage::Connection& c, const User* actor, const Decision& d);
bool can_see_answers(storage::Connection& c, const User* actor, const Decision& d);
// Its opener and the animateurs close it and write its outcome.
bool can_close(const User* actor, const Decision& d);

// --- Opening (open_decision.cpp)

struct DecisionInput {
  std::string question;
  std::string details;
  std::string group;      // "programme", "coalition:SLUG" or "event:SLUG"
  std::string about;      // "", "charter:NUMBER", "coalition:SLUG" or "action:ID"
  std::string process;    // consent, one, several, ranked
  std::string closes_at;  // as typed in a datetime-local field, Paris time
  std::string options;    // one per line, for a choice
};

struct OpenResult {
  FieldErrors errors;
  std::int64_t id = 0;
};

// The group of the decision is told it opened.
// Outcomes: the new decision's id | field errors (question, closes_at missing, malformed or not in the
// future, process, options: 2 to 20 for a choice, group or about unknown) | Forbidden (the actor may
// not open a decision for that group).
OpenResult open_decision(storage::Connection& c, const User& actor, const DecisionInput& in, sys_seconds now);

// Reads "charter:NUMBER", "coalition:SLUG" or "action:ID" into what `d` is about (its id, and the
// number, title and slug it is shown with); false when it names nothing that exists.
bool read_about(storage::Connection& c, const std::string& about, Decision& d);

// --- Answering (answer_decision.cpp)

struct AnswerInput {
  std::string position;  // consent
  std::string reason;
  // A choice: the option ids chosen; ranked: option id → rank (1 first), unranked ones left out.
  std::vector<std::int64_t> chosen;
  std::vector<std::pair<std::int64_t, std::int64_t>> ranks;
};

// The person's answer replaces their previous one.
// Outcomes: saved | field errors (position; reason missing for disagree or block, or too long; no
// option, several for a choice of one, an unknown option, two options at one rank; closed) |
// Forbidden (not of the group) | NotFound.
FieldErrors answer_decision(storage::Connection& c, const User& actor, std::int64_t id, const AnswerInput& in,
                            sys_seconds now);

// --- Closing (close_decision.cpp)

// The opener or an animateur closes the decision now (if it is still open) and writes its outcome,
// which may be rewritten later. The group is told it closed, once.
// Outcomes: saved | field errors (outcome empty or too long) | Forbidden | NotFound.
FieldErrors close_decision(storage::Connection& c, const User& actor, std::int64_t id, const std::string& outcome,
                           sys_seconds now);

// Chore: tells the group of each decision whose closing date has passed that it is closed, once.
void tell_closed_decisions(storage::Connection& c, sys_seconds now);

// --- Search (close_decision.cpp)

// Indexes the decision's question, status at `now`, details and outcome, inside the caller's write
// transaction: for everyone when the programme decides, for the coalition's members (search's
// "coalition" audience) when a coalition does. A decision of an event's participants is not indexed:
// search has no audience for them, and a restricted thing is left out rather than shown too widely.
// Called when a decision opens, closes and gets its outcome, and by `fabrique search reindex`.
void index_decision(storage::Connection& c, const Decision& d, sys_seconds now);
// Every decision indexed again (search::reindex).
void reindex_decisions(storage::Connection& c, sys_seconds now);

}  // namespace fabrique::decisions
