// Use case: an animateur opens a drafted version of the charter for comments, for a set period.
#include "commons/index_charter.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

using i18n::N_;

FieldErrors open_consultation(storage::Connection& c, const User& actor, std::int64_t number, int days,
                              sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only the animateurs can open a consultation on the charter."));
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto v = store::charter_version(c, number);
  if (!v) throw NotFound();
  if (days < 1 || days > kMaxConsultationDays) errors.add("days", N_("A consultation lasts from 1 to 90 days."));
  if (v->adopted()) errors.add("days", N_("This version is already adopted."));
  if (!errors.empty()) return errors;
  v->opens_at = now;
  v->closes_at = now + std::chrono::days(days);
  v->updated_at = now;
  store::update_charter_version(c, *v);
  index_charter(c, *v);
  tx.commit();
  return errors;
}

}  // namespace fabrique::commons
