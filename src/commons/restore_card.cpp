// Use case: an animateur or a co-porteur of the card's coalition brings back an old revision of an
// experience card, saved as a new revision (the current state stays in the history).
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

CardResult restore_card_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                                 std::int64_t base_revision, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::card(c, slug);
  if (!current) throw NotFound();
  if (!can_publish(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only the co-porteurs of its coalition and the animateurs can restore a revision of this card."));
  auto old = store::card_revision(c, current->id, number);
  if (!old) throw NotFound();
  CardInput in{old->title,    old->context, old->tried, old->outcome, old->learned,
               old->tensions, old->sources, "",         base_revision};
  for (const auto& k : store::coalitions(c))  // a coalition deleted since is left out
    if (k.slug == old->coalition) in.coalition = k.slug;
  CardResult out = save_card(c, actor, *current, in, now);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
