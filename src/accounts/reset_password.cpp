// Use case: a person sets a new password through the link mailed to them; every session of theirs
// ends, wherever it was opened.
#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"

namespace fabrique::accounts {

ResetResult reset_password(storage::Connection& c, std::string_view token, std::string_view password,
                           std::string_view confirmation, sys_seconds now) {
  ResetResult out;
  out.error = token_problem(c, token, "password", now);
  if (out.error) return out;
  check_password(out.errors, "password", password, "password_confirmation", confirmation);
  if (!out.errors.empty()) return out;

  const std::string hash = hash_password(password);  // slow on purpose: before the write lock
  storage::Transaction tx(c, true);
  auto redeemed = redeem_token(c, token, "password", now, out.error);
  if (!redeemed) return out;  // rolls back: nothing changed
  store::update_password(c, redeemed->user_id, hash, now);
  store::delete_sessions(c, redeemed->user_id);
  store::confirm_email(c, redeemed->user_id, now);  // the link reached the address
  tx.commit();
  return out;
}

}  // namespace fabrique::accounts
