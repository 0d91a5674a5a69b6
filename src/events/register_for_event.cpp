// Use case: a signed-in member registers to an event in one action — a place while one is free,
// else the end of the waiting list — and is told so by mail, with the event for their calendar.
#include "events/mail.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

RegistrationResult register_for_event(storage::Connection& c, const User& actor, std::string_view slug,
                                      sys_seconds now) {
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  RegistrationResult out = register_within(c, actor, *e, now);
  if (out.errors.empty()) tx.commit();
  return out;
}

RegistrationResult register_within(storage::Connection& c, const User& actor, const Event& event, sys_seconds now) {
  RegistrationResult out;
  // From here until commit, no other registration to this event can count the places.
  store::lock(c, event.id);
  const Event* e = &event;
  if (store::registration(c, e->id, actor.id)) {
    out.errors.add("registration", N_("You are already registered to this event."));
    return out;
  }
  if (e->status == EventStatus::cancelled) {
    out.errors.add("registration", N_("This event is cancelled."));
    return out;
  }
  if (e->status == EventStatus::tentative) {
    out.errors.add("registration", N_("Registration opens once the date is confirmed."));
    return out;
  }
  if (now >= e->starts_at || (e->registration_closes_at && now >= *e->registration_closes_at)) {
    out.errors.add("registration", N_("Registration for this event is closed."));
    return out;
  }
  const bool full = e->capacity && store::count(c, e->id, Status::registered) >= *e->capacity;
  out.status = full ? Status::waiting : Status::registered;
  store::insert_registration(c, e->id, actor.id, out.status, now);
  if (full) out.position = store::count(c, e->id, Status::waiting);
  mail_event(c, actor.id, *e, full ? Letter::waiting : Letter::place, now);
  return out;
}

}  // namespace fabrique::events
