// Use case: an animateur schedules a proposal for presentation at an event, by someone; the person
// who proposed it is told.
#include "events/store.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

FieldErrors schedule_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view event,
                              std::string_view presented_by, sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can schedule a proposal."));
  FieldErrors errors;
  std::string by = check_line(errors, "presented_by", presented_by, kMaxShort,
                              N_("This field is too long (200 characters at most)."));
  storage::Transaction tx(c, true);
  auto p = store::proposal(c, id);
  if (!p) throw NotFound();
  std::optional<Event> e;
  if (!event.empty()) {
    e = store::by_slug(c, event);
    if (!e) errors.add("event", N_("Choose an event from the list."));
  }
  if (!errors.empty()) return errors;
  store::schedule_proposal(c, id, e ? std::optional(e->id) : std::nullopt, by);
  const bool moved = e && (!p->presented_at || p->presented_at->slug != e->slug);
  if (moved) tell_proposer(c, *p, N_("Your proposal “{}” will be presented at an event"), urls::event(e->slug), now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::events
