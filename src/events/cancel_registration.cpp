// Use case: a person cancels their registration (or an organiser cancels someone's); the first
// person waiting gets the freed place in the same transaction.
#include "events/mail.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::events {

using i18n::N_;

std::optional<std::int64_t> cancel_registration(storage::Connection& c, const User& actor, std::string_view slug,
                                                std::int64_t user_id, FieldErrors& errors, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (user_id != actor.id && !can_organise(c, &actor, *e))
    throw Forbidden(N_("You can only cancel your own registration."));
  store::lock(c, e->id);
  auto r = store::registration(c, e->id, user_id);
  if (!r) {
    errors.add("registration", N_("There is no registration to cancel."));
    return std::nullopt;
  }
  store::delete_registration(c, e->id, user_id);
  std::optional<std::int64_t> promoted;
  if (r->status == Status::registered) promoted = promote_first_waiting(c, *e, now);
  tx.commit();
  return promoted;
}

std::vector<Registration> registration_list(storage::Connection& c, const User& actor, const Event& e) {
  if (!can_organise(c, &actor, e)) throw Forbidden(N_("Only the organisers of this event can see who registered."));
  return store::registrations(c, e.id);
}

}  // namespace fabrique::events
