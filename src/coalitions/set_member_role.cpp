// Use case: co-porteurs and animateurs decide who is a member or a co-porteur of a coalition.
#include "accounts/store.hpp"
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "i18n/i18n.hpp"

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
  if (change == RoleChange::remove) {
    store::remove_member(c, k->id, user_id);
  } else {
    store::set_role(c, k->id, user_id, change == RoleChange::co_porteur ? Role::co_porteur : Role::membre, now);
  }
  store::touch(c, k->id, now);
  tx.commit();
}

}  // namespace fabrique::coalitions
