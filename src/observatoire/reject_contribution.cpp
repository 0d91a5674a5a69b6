// Use case: an observatory editor rejects a contribution with a reason; the contributor is told.
#include "common/text.hpp"
#include "notifications/notifications.hpp"
#include "observatoire/store.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

using i18n::N_;

FieldErrors reject_contribution(storage::Connection& c, const User& actor, std::int64_t id, const std::string& reason,
                                sys_seconds now) {
  FieldErrors errors;
  std::string why = text::trim(reason);
  if (why.empty())
    errors.add("reason", N_("Say why the contribution is rejected: the contributor will read it."));
  else if (!text::valid_utf8(why) || text::length(why) > kMaxReason)
    errors.add("reason", N_("The reason is too long (1,000 characters at most)."));
  storage::Transaction tx(c, true);
  auto k = store::contribution(c, id);
  if (!k || k->status != ContributionStatus::pending) throw NotFound();
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can moderate contributions."));
  if (!errors.empty()) return errors;
  store::decide(c, id, ContributionStatus::rejected, why, actor.id, now);
  notifications::notify(c, k->contributor_id, notifications::kContributions,
                        N_("Your contribution about “{}” was not accepted; the reason is on your contributions page."),
                        urls::contribution(id), now, k->kind == ContributionKind::entry ? k->target : k->entry_name);
  tx.commit();
  return errors;
}

}  // namespace fabrique::observatoire
