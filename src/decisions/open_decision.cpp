// Use case: an animateur, or a co-porteur for their coalition, puts a question to a group until a
// closing date; the group is told.
#include <algorithm>

#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "commons/store.hpp"
#include "decisions/store.hpp"
#include "decisions/urls.hpp"
#include "decisions/use_cases.hpp"
#include "events/times.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::decisions {

using i18n::N_;

namespace {

// "kind:rest" split at its first colon.
std::pair<std::string, std::string> split_key(const std::string& s) {
  auto colon = s.find(':');
  if (colon == std::string::npos) return {s, ""};
  return {s.substr(0, colon), s.substr(colon + 1)};
}

// The options of a choice, one per line, blank lines dropped.
std::vector<Option> options_of(const std::string& text) {
  std::vector<Option> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.pop_back();
    line.erase(0, std::min(line.find_first_not_of(" \t"), line.size()));
    if (!line.empty()) out.push_back({0, static_cast<std::int64_t>(out.size() + 1), line});
    start = end + 1;
  }
  return out;
}

}  // namespace

bool read_about(storage::Connection& c, const std::string& about, Decision& d) {
  auto [kind, rest] = split_key(about);
  const auto number = numbers::whole(rest, 1, 1'000'000'000'000);
  if (kind == "charter" && number) {
    if (auto v = commons::store::charter_version(c, *number)) {
      d.charter_version_id = v->id;
      d.charter_version_number = v->number;
    }
  } else if (kind == "coalition") {
    if (auto k = coalitions::store::by_slug(c, rest)) {
      d.coalition_id = k->id;
      d.about_title = k->title;
      d.about_slug = k->slug;
    }
  } else if (kind == "action" && number) {
    if (auto a = store::action(c, *number)) {
      d.action_id = a->id;
      d.about_title = a->title;
      d.about_slug = a->coalition_slug;
    }
  }
  return d.about_something();
}

OpenResult open_decision(storage::Connection& c, const User& actor, const DecisionInput& in, sys_seconds now) {
  OpenResult result;
  FieldErrors& errors = result.errors;
  Decision d;
  d.question = text::trim(in.question);
  d.details = in.details;
  d.created_at = d.updated_at = now;
  d.opened_by = actor.id;
  if (d.question.empty())
    errors.add("question", N_("Write the question to decide."));
  else if (text::length(d.question) > kMaxQuestion || !text::valid_utf8(d.question))
    errors.add("question", N_("The question is limited to 300 characters."));
  if (d.details.size() > kMaxDetails || !text::valid_utf8(d.details))
    errors.add("details", N_("The details are limited to 10,000 characters."));

  storage::Transaction tx(c, true);
  // The group, checked before anything else is written or said: who may open depends on it.
  auto [group_kind, group_key] = split_key(in.group);
  auto group = group_kind_of(group_kind);
  if (group == GroupKind::coalition) {
    auto k = coalitions::store::by_slug(c, group_key);
    if (k) d.group_coalition_id = k->id;
  } else if (group == GroupKind::event) {
    d.group_event_id = store::event_id(c, group_key);
  }
  if (!group || (group == GroupKind::coalition && !d.group_coalition_id) ||
      (group == GroupKind::event && !d.group_event_id)) {
    errors.add("group", N_("Choose the group that decides."));
  } else {
    d.group = *group;
    if (!can_open(c, &actor, d.group, d.group_coalition_id))
      throw Forbidden(N_("Only the animateurs, and the co-porteurs for their own coalition, can open a decision."));
  }

  if (!in.about.empty() && !read_about(c, in.about, d))
    errors.add("about", N_("What this decision is about no longer exists."));

  auto process = process_of(in.process);
  if (!process)
    errors.add("process", N_("Choose how the group decides."));
  else
    d.process = *process;
  if (process && *process != Process::consent) {
    d.options = options_of(in.options);
    if (d.options.size() < kMinOptions || d.options.size() > kMaxOptions)
      errors.add("options", N_("Write from 2 to 20 options, one per line."));
    else if (std::any_of(d.options.begin(), d.options.end(), [](const Option& o) {
               return text::length(o.label) > kMaxOption || !text::valid_utf8(o.label);
             }))
      errors.add("options", N_("Each option is limited to 200 characters."));
  }

  events::times::ParseError why = events::times::ParseError::none;
  auto closes = events::times::parse_paris(text::trim(in.closes_at), &why);
  if (text::trim(in.closes_at).empty())
    errors.add("closes_at", N_("Give the closing date and time."));
  else if (!closes)
    errors.add("closes_at", why == events::times::ParseError::nonexistent
                                ? N_("This time does not exist in Paris (the clocks skip it).")
                                : N_("Write the closing date and time as 2026-12-15 18:00."));
  else if (*closes <= now)
    errors.add("closes_at", N_("The closing date must be in the future."));
  else
    d.closes_at = *closes;

  if (!errors.empty()) return result;
  result.id = store::insert(c, d);
  d.id = result.id;
  index_decision(c, d, now);
  notifications::notify_each(c, store::group_members(c, d), actor.id, notifications::kDecisions,
                             N_("A decision is open: “{}”. Give your answer before it closes."),
                             urls::decision(result.id), now, d.question);
  tx.commit();
  return result;
}

}  // namespace fabrique::decisions
