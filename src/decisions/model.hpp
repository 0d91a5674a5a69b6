// Decisions taken together: a question put to a group until a closing date, answered by consent
// (agree, abstain, disagree, block) or by a choice among options (one, several, ranked), and the
// outcome the opener writes at closing.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "i18n/i18n.hpp"

namespace fabrique::decisions {

using std::chrono::sys_seconds;

inline constexpr std::size_t kMaxQuestion = 300;
inline constexpr std::size_t kMaxDetails = 10000;
inline constexpr std::size_t kMaxOption = 200;
inline constexpr std::size_t kMinOptions = 2;
inline constexpr std::size_t kMaxOptions = 20;
inline constexpr std::size_t kMaxReason = 2000;
inline constexpr std::size_t kMaxOutcome = 10000;

// How the group answers. Stored as its key.
enum class Process { consent, one, several, ranked };
const char* key(Process p);
std::optional<Process> process_of(std::string_view key);
const char* label(Process p);  // English msgid

// Who answers. Stored as its key.
enum class GroupKind { programme, coalition, event };
const char* key(GroupKind g);
std::optional<GroupKind> group_kind_of(std::string_view key);

// A consent answer. Stored as its key; `needs_reason` for disagree and block.
struct Position {
  const char* key;
  const char* label;  // English msgid
  bool needs_reason;
};
inline constexpr Position kPositions[] = {{"agree", i18n::N_("Agree"), false},
                                          {"abstain", i18n::N_("Abstain"), false},
                                          {"disagree", i18n::N_("Disagree"), true},
                                          {"block", i18n::N_("Block"), true}};
const Position* position(std::string_view key);  // nullptr when unknown

struct Option {
  std::int64_t id = 0;
  std::int64_t position = 0;  // 1, 2, 3… in the order the opener wrote them
  std::string label;
};

struct Decision {
  std::int64_t id = 0;
  std::string question;
  std::string details;  // Markdown
  GroupKind group = GroupKind::programme;
  std::optional<std::int64_t> group_coalition_id, group_event_id;
  std::string group_title, group_slug;  // of the coalition or event (read with the decision)
  // What it decides (at most one), and how it is named and reached (read with the decision).
  std::optional<std::int64_t> charter_version_id, coalition_id, action_id;
  std::optional<std::int64_t> charter_version_number;
  std::string about_title, about_slug;  // the coalition's (also the action's coalition), or the action's title
  Process process = Process::consent;
  sys_seconds closes_at{};
  std::string outcome;  // Markdown, written at closing
  std::optional<sys_seconds> outcome_at;
  bool closing_told = false;
  std::optional<std::int64_t> opened_by;
  sys_seconds created_at{}, updated_at{};
  std::vector<Option> options;  // for a choice, in order

  bool closed(sys_seconds now) const { return closes_at <= now; }
  bool about_something() const { return charter_version_id || coalition_id || action_id; }
};

struct Choice {
  std::int64_t option_id = 0;
  std::int64_t rank = 1;
};

// One person's answer (the latest they gave).
struct Answer {
  std::int64_t user_id = 0;
  std::string name;          // public name, '' when they keep it private
  std::string organisation;  // their first organisation's name, or ''
  std::string position;      // consent only
  std::string reason;
  std::vector<Choice> choices;  // a choice: the options chosen (ranked: in rank order)
  sys_seconds updated_at{};
};

}  // namespace fabrique::decisions
