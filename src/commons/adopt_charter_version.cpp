// Use case: an animateur adopts a version of the charter that went through consultation; it becomes
// the charter in force, and the signatories of the previous version are asked to sign it again.
#include <fmt/core.h>

#include "commons/index_charter.hpp"
#include "commons/store.hpp"
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::commons {

using i18n::N_;

FieldErrors adopt_charter_version(storage::Connection& c, const User& actor, std::int64_t number, sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only the animateurs can adopt a version of the charter."));
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto v = store::charter_version(c, number);
  if (!v) throw NotFound();
  if (v->adopted())
    errors.add("adopt", N_("This version is already adopted."));
  else if (!v->opens_at || *v->opens_at > now)
    errors.add("adopt", N_("Open this version for consultation before adopting it."));
  if (!errors.empty()) return errors;
  if (v->closes_at && *v->closes_at > now) v->closes_at = now;  // adoption ends the consultation
  v->adopted_at = now;
  v->updated_at = now;
  store::update_charter_version(c, *v);
  index_charter(c, *v);
  // Those who signed an earlier version are asked to sign this one.
  std::vector<std::int64_t> signatories;
  for (const auto& r : c.query("SELECT DISTINCT s.user_id FROM charter_signatures s JOIN charter_versions w ON "
                               "w.id = s.version_id WHERE w.number < ?",
                               {v->number}))
    signatories.push_back(r.integer(0));
  notifications::notify_each(c, signatories, 0, notifications::kCharter,
                             N_("A new version of the charter is adopted: “{}”. Sign it again to stay a signatory."),
                             urls::charter(), now, v->label.empty() ? fmt::format("v{}", v->number) : v->label);
  tx.commit();
  return errors;
}

}  // namespace fabrique::commons
