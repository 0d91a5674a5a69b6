// Use case: a person follows the link mailed after signing up; their address is confirmed and they
// are signed in.
#include "accounts/by_mail.hpp"

namespace fabrique::accounts {

LinkResult confirm_email(storage::Connection& c, std::string_view token, sys_seconds now,
                         std::chrono::days session_length) {
  LinkResult out;
  storage::Transaction tx(c, true);
  auto redeemed = redeem_token(c, token, "confirm", now, out.error);
  if (!redeemed) return out;  // rolls back: nothing changed
  store::confirm_email(c, redeemed->user_id, now);
  out.user = store::user(c, redeemed->user_id);
  out.session_token = open_session(c, redeemed->user_id, now, session_length);
  tx.commit();
  return out;
}

}  // namespace fabrique::accounts
