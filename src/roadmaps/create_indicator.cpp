// Use case: a co-porteur or an animateur defines an impact indicator of the coalition (revision 1).
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

std::int64_t create_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                              const IndicatorInput& in, sys_seconds now, FieldErrors& errors) {
  Indicator i = validation::read_indicator(in, errors);
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  if (!errors.empty()) return 0;
  i.coalition_id = k->id;
  i.created_at = i.updated_at = now;
  auto id = store::insert_indicator(c, i);
  store::insert_indicator_revision(c, id, 1, actor.id, now, "", validation::snapshot(i));
  store::touch_coalition(c, k->id, now);
  tx.commit();
  return id;
}

}  // namespace fabrique::roadmaps
