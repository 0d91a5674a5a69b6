// Use case: a member gets (or renews, or revokes) the private address of their calendar feed.
#include "accounts/crypto.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"

namespace fabrique::events {

std::string renew_calendar_token(storage::Connection& c, const User& actor, sys_seconds now) {
  std::string token = accounts::random_token();
  storage::Transaction tx(c, true);
  store::set_calendar_token(c, actor.id, accounts::token_hash(token), now);
  tx.commit();
  return token;
}

void revoke_calendar_token(storage::Connection& c, const User& actor) {
  storage::Transaction tx(c, true);
  store::delete_calendar_token(c, actor.id);
  tx.commit();
}

std::optional<std::int64_t> calendar_owner(storage::Connection& c, std::string_view token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  return store::user_of_calendar_token(c, accounts::token_hash(token));
}

}  // namespace fabrique::events
