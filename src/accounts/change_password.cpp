// Use case: a signed-in person changes their password; their other sessions are signed out.
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::accounts {

FieldErrors change_password(storage::Connection& c, const User& actor, std::string_view session_token,
                            std::string_view current, std::string_view next, std::string_view confirmation,
                            sys_seconds now) {
  FieldErrors errors;
  auto hash = store::password_hash(c, actor.id);
  if (!hash || current.size() > kMaxPasswordLength || !verify_password(current, *hash))
    errors.add("current_password", i18n::N_("The current password is wrong."));
  check_password(errors, "new_password", next, "new_password_confirmation", confirmation);
  if (!errors.empty()) return errors;

  std::string new_hash = hash_password(next);
  storage::Transaction tx(c, true);
  store::update_password(c, actor.id, new_hash, now);
  // Whoever else held a session (perhaps the reason for the change) is signed out.
  store::delete_other_sessions(c, actor.id, token_hash(session_token));
  tx.commit();
  return errors;
}

}  // namespace fabrique::accounts
