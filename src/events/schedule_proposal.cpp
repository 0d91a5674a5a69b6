// Use case: an animateur schedules a proposal for presentation at an event, by someone.
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

FieldErrors schedule_proposal(storage::Connection& c, const User& actor, std::int64_t id, std::string_view event,
                              std::string_view presented_by) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can schedule a proposal."));
  FieldErrors errors;
  std::string by = check_line(errors, "presented_by", presented_by, kMaxShort,
                              N_("This field is too long (200 characters at most)."));
  storage::Transaction tx(c, true);
  if (!store::proposal(c, id)) throw NotFound();
  std::optional<std::int64_t> event_id;
  if (!event.empty()) {
    auto e = store::by_slug(c, event);
    if (!e)
      errors.add("event", N_("Choose an event from the list."));
    else
      event_id = e->id;
  }
  if (!errors.empty()) return errors;
  store::schedule_proposal(c, id, event_id, by);
  tx.commit();
  return errors;
}

}  // namespace fabrique::events
