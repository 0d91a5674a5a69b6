// Use case: a co-porteur or an animateur records a dated measurement of an indicator, with its source.
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

FieldErrors record_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                               std::int64_t indicator_id, const MeasurementInput& in, sys_seconds now) {
  FieldErrors errors;
  Measurement m = validation::read_measurement(in, errors);
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!store::indicator_exists(c, k->id, indicator_id)) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  if (!errors.empty()) return errors;
  store::insert_measurement(c, indicator_id, m, actor.id, now);
  store::touch_coalition(c, k->id, now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::roadmaps
