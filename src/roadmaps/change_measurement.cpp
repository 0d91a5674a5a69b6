// Use cases: a co-porteur or an animateur corrects or removes a measurement. Neither is silent: the
// values replaced, who and why stay in the indicator's history, and a stale change is refused.
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

namespace {

std::string read_reason(const MeasurementInput& in, bool required, const char* field, FieldErrors& errors) {
  std::string reason = validation::bounded(in.reason, kMaxComment, false, field,
                                           N_("The reason is too long (300 characters at most)."), errors);
  if (required && reason.empty() && !errors.find(field)) errors.add(field, N_("Say why the measurement is removed."));
  return reason;
}

// Both changes in one transaction: a correction when `after` is set, else a removal. `out` carries
// the input's field errors, checked after the permission so that a stranger learns nothing.
MeasurementResult change(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t indicator_id,
                         std::int64_t measurement_id, std::int64_t base_revision, std::optional<Measurement> after,
                         const std::string& reason, MeasurementResult out, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!store::indicator_exists(c, k->id, indicator_id)) throw NotFound();
  auto before = store::measurement(c, indicator_id, measurement_id);
  if (!before) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  if (!out.errors.empty()) return out;
  if (base_revision != before->revision) {
    out.conflict = true;
    return out;
  }
  if (after) {
    if (after->measured_on == before->measured_on && after->value == before->value && after->source == before->source)
      return out;  // nothing to correct: no history line
    after->id = measurement_id;
    after->revision = before->revision + 1;
    store::update_measurement(c, indicator_id, *after, now);
  } else {
    store::delete_measurement(c, indicator_id, measurement_id, now);
  }
  store::insert_measurement_change(c, indicator_id, *before, after ? &*after : nullptr, reason, actor.id, now);
  store::touch_coalition(c, k->id, now);
  tx.commit();
  return out;
}

}  // namespace

MeasurementResult correct_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                                      std::int64_t indicator_id, std::int64_t measurement_id,
                                      const MeasurementInput& in, sys_seconds now) {
  MeasurementResult out;
  Measurement m = validation::read_measurement(in, out.errors);
  std::string reason = read_reason(in, false, "reason", out.errors);
  return change(c, actor, slug, indicator_id, measurement_id, in.base_revision, m, reason, std::move(out), now);
}

MeasurementResult remove_measurement(storage::Connection& c, const User& actor, std::string_view slug,
                                     std::int64_t indicator_id, std::int64_t measurement_id, const MeasurementInput& in,
                                     sys_seconds now) {
  MeasurementResult out;
  std::string reason = read_reason(in, true, "removal_reason", out.errors);
  return change(c, actor, slug, indicator_id, measurement_id, in.base_revision, std::nullopt, reason, std::move(out),
                now);
}

}  // namespace fabrique::roadmaps
