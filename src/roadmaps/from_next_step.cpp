// Use case: a co-porteur or an animateur turns a next step of an event's minutes into an action of
// the step's coalition, through the action form pre-filled from the step; the action keeps the step
// as its origin.
#include "events/times.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"

namespace fabrique::roadmaps {

namespace {

// At most `max` bytes of `s`, cut before a UTF-8 continuation byte so no character is split.
std::string cut(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

}  // namespace

NextStepDraft next_step_draft(storage::Connection& c, std::string_view event_slug, std::int64_t item_id) {
  auto r = c.query_one(
      "SELECT i.body, i.due_at, k.slug, e.title FROM minutes_items i JOIN events e ON e.id = i.event_id "
      "JOIN coalitions k ON k.id = i.coalition_id "
      "WHERE e.slug = ? AND i.id = ? AND i.kind = 'next_step'",
      {std::string(event_slug), item_id});
  if (!r) throw NotFound();
  NextStepDraft out;
  out.step = r->text(0);
  out.coalition_slug = r->text(2);
  out.event_title = r->text(3);
  out.action.title = cut(out.step, kMaxTitle);
  if (out.action.title.size() < out.step.size()) out.action.description = out.step;  // the whole step, when cut
  out.action.status = "proposee";
  // "By when" is a Paris day (00:00 Paris, so the day before in UTC): read it back as that day.
  if (auto due = r->optional_integer(1))
    out.action.due_on = events::times::date_value(sys_seconds{std::chrono::seconds{*due}});
  out.action.origin_next_step = item_id;
  return out;
}

ActionResult action_from_next_step(storage::Connection& c, const User& actor, std::string_view event_slug,
                                   std::int64_t item_id, ActionInput in, sys_seconds now) {
  // Read before create_action's transaction: a step removed meanwhile only leaves a dangling origin
  // that the foreign key sets to NULL, and the permission and "already converted" checks are redone
  // inside that transaction.
  const NextStepDraft draft = next_step_draft(c, event_slug, item_id);
  in.origin_next_step = item_id;
  return create_action(c, actor, draft.coalition_slug, in, now);
}

}  // namespace fabrique::roadmaps
