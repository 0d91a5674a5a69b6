// Use cases: animateurs give the observatory editor role, and take it back.
#include "accounts/store.hpp"
#include "common/text.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

using i18n::N_;

FieldErrors grant_editor(storage::Connection& c, const User& actor, const std::string& email, sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can choose the observatory editors."));
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto u = accounts::store::user_by_email(c, text::trim(email));
  if (!u) {
    errors.add("email", N_("No account uses this e-mail address."));
    return errors;
  }
  store::grant_editor(c, u->id, actor.id, now);
  tx.commit();
  return errors;
}

void revoke_editor(storage::Connection& c, const User& actor, std::int64_t user_id) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can choose the observatory editors."));
  storage::Transaction tx(c, true);
  store::revoke_editor(c, user_id);
  tx.commit();
}

}  // namespace fabrique::observatoire
