// Use case: a co-porteur or an animateur turns a next step of an event's minutes into an action of
// the step's coalition, in one step; the action keeps the step as its origin.
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

ActionResult action_from_next_step(storage::Connection& c, const User& actor, std::string_view event_slug,
                                   std::int64_t item_id, sys_seconds now) {
  // Read before create_action's transaction: a step removed meanwhile only leaves a dangling origin
  // that the foreign key sets to NULL, and the permission and "already converted" checks are redone
  // inside that transaction.
  auto r = c.query_one(
      "SELECT i.body, i.due_at, k.slug FROM minutes_items i JOIN events e ON e.id = i.event_id "
      "JOIN coalitions k ON k.id = i.coalition_id "
      "WHERE e.slug = ? AND i.id = ? AND i.kind = 'next_step'",
      {std::string(event_slug), item_id});
  if (!r) throw NotFound();
  const std::string body = r->text(0);
  ActionInput in;
  in.title = cut(body, kMaxTitle);
  if (in.title.size() < body.size()) in.description = body;  // the whole step, when the title had to be cut
  in.lever = "commande";  // every action needs a lever; the first one, to be corrected on the action's page
  in.scale = "local";
  in.status = "proposee";
  // "By when" is a Paris day (00:00 Paris, so the day before in UTC): read it back as that day.
  if (auto due = r->optional_integer(1)) in.due_on = events::times::date_value(sys_seconds{std::chrono::seconds{*due}});
  in.origin_next_step = item_id;
  return create_action(c, actor, r->text(2), in, now);
}

}  // namespace fabrique::roadmaps
