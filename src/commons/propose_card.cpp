// Use case: a member proposes an experience card for the boussole; an animateur or a co-porteur of
// its coalition publishes it at once.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"

namespace fabrique::commons {

CardResult propose_card(storage::Connection& c, const User& actor, const CardInput& in, sys_seconds now) {
  CardResult out;
  storage::Transaction tx(c, true);
  Card k = validate(c, in, out.errors);
  if (!out.errors.empty()) return out;
  k.slug = unique_slug(k.title, [&](const std::string& s) { return store::card_slug_taken(c, s); });
  k.submitted_by = actor.id;
  k.status = can_publish(c, &actor, k) ? Status::published : Status::draft;
  k.created_at = k.updated_at = now;
  k.id = store::insert_card(c, k);
  out.card = store::card(c, k.slug);
  store::insert_card_revision(c, *out.card, actor.id, now);
  index_card(c, *out.card);
  tx.commit();
  return out;
}

}  // namespace fabrique::commons
