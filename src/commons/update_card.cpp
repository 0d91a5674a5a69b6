// Use case: someone who may edit an experience card changes it, as a new revision, unless someone
// saved meanwhile.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

CardResult save_card(storage::Connection& c, const User& actor, const Card& current, const CardInput& in,
                     sys_seconds now) {
  CardResult out;
  Card k = validate(c, in, out.errors);
  if (!out.errors.empty()) return out;
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.card = current;
    return out;
  }
  if (k.title == current.title && k.context == current.context && k.tried == current.tried &&
      k.outcome == current.outcome && k.learned == current.learned && k.tensions == current.tensions &&
      k.sources == current.sources &&
      (k.coalition ? k.coalition->id : 0) == (current.coalition ? current.coalition->id : 0)) {
    out.card = current;  // unchanged: no revision
    return out;
  }
  k.id = current.id;
  k.slug = current.slug;
  k.status = current.status;
  k.submitted_by = current.submitted_by;
  k.revision = current.revision + 1;
  k.updated_at = now;
  if (!store::update_card(c, k)) {
    out.conflict = true;
    return out;
  }
  out.card = store::card(c, k.slug);
  store::insert_card_revision(c, *out.card, actor.id, now);
  index_card(c, *out.card);
  return out;
}

CardResult update_card(storage::Connection& c, const User& actor, std::string_view slug, const CardInput& in,
                       sys_seconds now) {
  storage::Transaction tx(c, true);
  auto current = store::card(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(
        i18n::N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  CardResult out = save_card(c, actor, *current, in, now);
  if (out.errors.empty() && !out.conflict) tx.commit();
  return out;
}

}  // namespace fabrique::commons
