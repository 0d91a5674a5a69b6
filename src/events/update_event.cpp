// Use case: an organiser edits an event, or an occurrence of a series and all the following ones.
#include "events/mail.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "territories/links.hpp"

namespace fabrique::events {

using i18n::N_;

bool can_organise(storage::Connection& c, const User* actor, const Event& e) {
  if (!actor) return false;
  return actor->is_animateur() || store::is_organiser(c, e.id, actor->id);
}

Event event_to_organise(storage::Connection& c, const User& actor, std::string_view slug, const char* refusal) {
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!can_organise(c, &actor, *e)) throw Forbidden(refusal);
  return *e;
}

namespace {

// What everyone registered or waiting must be told when `old` is saved as `now`, or nothing. Only a
// change is announced, so saving the event again without one tells nobody anything twice.
const char* change_to_announce(const Event& old, const Event& now) {
  if (now.status == EventStatus::cancelled)
    return old.status == EventStatus::cancelled ? nullptr : N_("The event “{}” is cancelled.");
  // People who saw it cancelled must learn it is on again, even while its date is still tentative.
  if (old.status == EventStatus::cancelled) return N_("The event “{}” is no longer cancelled.");
  if (now.status != EventStatus::confirmed) return nullptr;
  if (old.status == EventStatus::tentative) return N_("The date of the event “{}” is confirmed.");
  if (now.starts_at != old.starts_at || now.ends_at != old.ends_at || now.place != old.place)
    return N_("The date, time or place of the event “{}” changed.");
  // The link itself is not in the message: it is shown on the event page to registered people only.
  if (now.online_url != old.online_url) return N_("The online link of the event “{}” changed.");
  return nullptr;
}

}  // namespace

EventResult update_event(storage::Connection& c, const User& actor, std::string_view slug, const EventInput& in,
                         Scope scope, sys_seconds now) {
  EventResult out;
  storage::Transaction tx(c, true);
  auto current = store::by_slug(c, slug);
  if (!current) throw NotFound();
  if (!can_organise(c, &actor, *current)) throw Forbidden(N_("Only the organisers of this event can change it."));
  CheckedEvent checked = validate(c, in, out.errors);
  // A co-porteur who organises only through their coalition must leave the event in one of theirs.
  const bool creator = current->created_by == actor.id;
  check_coalition_rights(c, actor, current->coalitions, checked.coalitions, !creator, out.errors);
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;

  std::vector<Event> targets{*current};
  if (scope == Scope::following && current->series_id)
    targets = store::series_from(c, *current->series_id, current->starts_at);
  // Later occurrences keep their own day: their times move by as much as this one's did.
  const auto start_shift = checked.event.starts_at - current->starts_at;
  const auto duration = checked.event.ends_at - checked.event.starts_at;
  for (const Event& old : targets) {
    Event e = checked.event;
    e.id = old.id;
    e.slug = old.slug;
    e.starts_at = old.starts_at + start_shift;
    e.ends_at = e.starts_at + duration;
    if (checked.event.registration_closes_at)
      e.registration_closes_at = e.starts_at - (checked.event.starts_at - *checked.event.registration_closes_at);
    e.updated_at = now;
    if (e.capacity && *e.capacity < old.registered) {
      out.errors.add("capacity", N_("There are already more people registered than this number of places."));
      return out;  // the transaction rolls back: nothing written
    }
    store::update(c, e);
    if (const char* message = change_to_announce(old, e))
      for (const auto& r : store::registrations(c, e.id))
        notifications::notify(c, r.user_id, notifications::kEvents, message, urls::event(e.slug), now, e.title);
    store::set_coalitions(c, e.id, checked.coalitions);
    store::set_organisations(c, e.id, checked.organisers, "organiser");
    territories::place(c, territories::subject::event, e.id, places);
    e.minutes = old.minutes;  // not edited here, but indexed with the event's new title
    index_event(c, e);
    // A larger capacity gives the new places to the people waiting, in order.
    if (!e.capacity || *e.capacity > old.registered)
      for (std::int64_t free = e.capacity ? *e.capacity - old.registered : old.waiting; free > 0; --free)
        if (!promote_first_waiting(c, e, now)) break;
    ++out.occurrences;
  }
  tx.commit();
  out.event = store::by_id(c, current->id);
  return out;
}

}  // namespace fabrique::events
