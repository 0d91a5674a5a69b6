// Use case: someone who may edit an experience card changes it, unless someone saved meanwhile.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "commons/validation.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

CardResult update_card(storage::Connection& c, const User& actor, std::string_view slug, const CardInput& in,
                       sys_seconds now) {
  CardResult out;
  storage::Transaction tx(c, true);
  auto current = store::card(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, *current))
    throw Forbidden(i18n::N_("Only its submitter, the co-porteurs of its coalition and the animateurs can edit this card."));
  Card k = validate(c, in, out.errors);
  if (!out.errors.empty()) return out;
  if (in.base_revision != current->revision) {
    out.conflict = true;
    out.card = current;
    return out;
  }
  k.id = current->id;
  k.slug = current->slug;
  k.status = current->status;
  k.submitted_by = current->submitted_by;
  k.revision = current->revision + 1;
  k.updated_at = now;
  if (!store::update_card(c, k)) {
    out.conflict = true;
    return out;
  }
  out.card = store::card(c, k.slug);
  index_card(c, *out.card);
  tx.commit();
  return out;
}

}  // namespace fabrique::commons
