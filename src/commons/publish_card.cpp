// Use case: an animateur or a co-porteur of the card's coalition publishes a proposed experience card.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

void publish_card(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = store::card(c, slug);
  if (!k) throw NotFound();
  if (!can_publish(c, &actor, *k))
    throw Forbidden(i18n::N_("Only the co-porteurs of its coalition and the animateurs can publish this card."));
  if (k->status == Status::published) return;
  store::set_card_status(c, k->id, Status::published, now);
  index_card(c, *store::card(c, slug));
  tx.commit();
}

}  // namespace fabrique::commons
