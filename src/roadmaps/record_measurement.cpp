// Use case: a co-porteur or an animateur records a dated measurement of an indicator, with its source.
#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

FieldErrors record_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                               std::int64_t indicator_id, const MeasurementInput& in, sys_seconds now) {
  FieldErrors errors;
  Measurement m;
  if (text::trim(in.measured_on).empty()) {
    errors.add("measured_on", N_("Enter the date of the measurement."));
  } else if (auto d = validation::parse_day(in.measured_on)) {
    m.measured_on = *d;
  } else {
    errors.add("measured_on", N_("Enter the date as a date (year-month-day)."));
  }
  if (text::trim(in.value).empty()) {
    errors.add("value", N_("Enter the measured value."));
  } else if (auto v = validation::parse_number(in.value)) {
    m.value = *v;
  } else {
    errors.add("value", N_("The value must be a number."));
  }
  m.source = validation::bounded(in.source, kMaxSource, false, "source",
                                 N_("The source is too long (500 characters at most)."), errors);

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
