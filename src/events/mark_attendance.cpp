// Use case: after the event has started, an organiser records who came and which organisations were there.
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"

namespace fabrique::events {

using i18n::N_;

FieldErrors mark_attendance(storage::Connection& c, const User& actor, std::string_view slug,
                            const std::set<std::int64_t>& present, const std::vector<std::string>& organisations,
                            sys_seconds now) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto e = store::by_slug(c, slug);
  if (!e) throw NotFound();
  if (!can_organise(c, &actor, *e)) throw Forbidden(N_("Only the organisers of this event can record attendance."));
  if (now < e->starts_at) {
    errors.add("present", N_("Attendance can be recorded once the event has started."));
    return errors;
  }
  std::vector<std::int64_t> ids;
  for (const auto& slug_of_org : organisations) {
    auto o = organisations::store::by_slug(c, slug_of_org);
    if (!o) {
      errors.add("organisations", N_("Choose organisations from the list."));
      return errors;
    }
    ids.push_back(o->id);
  }
  store::set_attended(c, e->id, present);
  store::set_organisations(c, e->id, ids, "present");
  tx.commit();
  return errors;
}

}  // namespace fabrique::events
