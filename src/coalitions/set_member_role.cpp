// Use case: co-porteurs and animateurs decide who is a member or a co-porteur of a coalition; a
// person who becomes co-porteur, or stops being one, is told; co-porteurs follow their coalition.
#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "follows/follows.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::coalitions {

using i18n::N_;

void set_member_role(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t user_id,
                     RoleChange change, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its members."));
  if (!accounts::store::user(c, user_id)) throw NotFound();
  const bool was_co_porteur = store::role_of(c, k->id, user_id) == Role::co_porteur;
  if (change == RoleChange::remove) {
    store::remove_member(c, k->id, user_id);
  } else {
    store::set_role(c, k->id, user_id, change == RoleChange::co_porteur ? Role::co_porteur : Role::membre, now);
  }
  store::touch(c, k->id, now);
  // Co-porteurs follow their coalition; the person is told, unless they changed their own role.
  const bool co_porteur = change == RoleChange::co_porteur;
  if (co_porteur) follows::follow(c, user_id, follows::Subject::coalition, k->id, now);
  if (user_id != actor.id && co_porteur != was_co_porteur)
    notifications::notify(
        c, user_id, notifications::kCoalitions,
        co_porteur ? N_("You are now co-porteur of “{}”") : N_("You are no longer co-porteur of “{}”"),
        urls::coalition(k->slug), now, k->title);
  tx.commit();
}

}  // namespace fabrique::coalitions
