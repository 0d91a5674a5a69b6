// Use case: a member proposes an experience card for the boussole; an animateur or a co-porteur of
// its coalition publishes it at once; anyone else's card waits as a draft, and those who may publish
// it are told.
#include "coalitions/store.hpp"
#include "commons/store.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

using i18n::N_;

CardResult propose_card(storage::Connection& c, const User& actor, const CardInput& in, sys_seconds now) {
  CardResult out;
  storage::Transaction tx(c, true);
  Card k = validate(c, in, out.errors);
  const auto places =
      territories::resolve_places(c, in.territories.value_or(std::vector<std::string>{}), out.errors, "territoires");
  if (!out.errors.empty()) return out;
  k.slug = unique_slug(k.title, [&](const std::string& s) { return store::card_slug_taken(c, s); });
  k.submitted_by = actor.id;
  k.status = can_publish(c, &actor, k) ? Status::published : Status::draft;
  k.created_at = k.updated_at = now;
  k.id = store::insert_card(c, k);
  territories::place(c, territories::subject::card, k.id, places);
  out.card = store::card(c, k.slug);
  store::insert_card_revision(c, *out.card, actor.id, now);
  index_card(c, *out.card);
  if (k.status == Status::draft) {
    // Those who may publish it are told: the animateurs and the co-porteurs of its coalition.
    auto moderators = notifications::animateurs(c);
    if (k.coalition)
      for (const auto& m : coalitions::store::members(c, k.coalition->id))
        if (m.role == coalitions::Role::co_porteur) moderators.push_back(m.user_id);
    notifications::notify_each(c, moderators, actor.id, notifications::kModeration,
                               N_("A boussole card waits for review: “{}”"), urls::card(k.slug), now, k.title);
  }
  tx.commit();
  return out;
}

}  // namespace fabrique::commons
