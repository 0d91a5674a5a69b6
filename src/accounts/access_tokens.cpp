// Personal access tokens: making one (shown once, kept as a hash), revoking it, and finding whom a
// token sent with a request acts for.
#include <algorithm>

#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "common/numbers.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::accounts {

using i18n::N_;

AccessTokenResult create_access_token(storage::Connection& c, const User& actor, const AccessTokenInput& in,
                                      sys_seconds now) {
  AccessTokenResult out;
  const std::string name = text::trim(in.name);
  if (name.empty()) {
    out.errors.add("token_name", N_("Name the token, after the script that will use it."));
  } else if (!text::valid_utf8(name, false)) {
    out.errors.add("token_name", N_("The name contains characters that are not allowed."));
  } else if (text::length(name) > kMaxTokenNameLength) {
    out.errors.add("token_name", N_("The name is too long (100 characters at most)."));
  }
  if (!in.read && !in.write) out.errors.add("token_scopes", N_("Choose what the token may do: read, write or both."));
  const auto days = numbers::whole(in.lifetime, 1, 365);
  if (!days || std::find(kTokenLifetimes.begin(), kTokenLifetimes.end(), *days) == kTokenLifetimes.end())
    out.errors.add("token_lifetime", N_("Choose how long the token lasts from the list."));
  if (!out.errors.empty()) return out;

  storage::Transaction tx(c, true);
  if (store::count_access_tokens(c, actor.id) >= static_cast<std::int64_t>(kMaxTokensPerPerson)) {
    out.errors.add("token_name", N_("You have 20 tokens already: revoke one you no longer use first."));
    return out;
  }
  out.token = std::string(kTokenPrefix) + random_token();
  out.made = {.name = name,
              .can_read = in.read,
              .can_write = in.write,
              .created_at = now,
              .expires_at = now + std::chrono::days(*days)};
  // A plain BLAKE2b hash, not Argon2id as for passwords: the token is 256 random bits, which no
  // guessing can reach whatever the hash's speed, and a slow hash on every API request would only
  // hand the CPU to whoever sends made-up tokens. A password is slow to hash because it is guessable.
  out.made.id = store::insert_access_token(c, actor.id, token_hash(out.token), out.made);
  tx.commit();
  return out;
}

bool revoke_access_token(storage::Connection& c, const User& actor, std::int64_t id) {
  storage::Transaction tx(c, true);
  const bool revoked = store::delete_access_token(c, actor.id, id);
  tx.commit();
  return revoked;
}

std::optional<TokenOwner> token_owner(storage::Connection& c, std::string_view token, sys_seconds now,
                                      SeenSessions* seen) {
  // Anything but our own format is unknown without asking the database.
  if (!token.starts_with(kTokenPrefix) || token.size() > 100) return std::nullopt;
  auto owner = store::access_token_owner(c, token_hash(token), now);
  if (!owner) return std::nullopt;
  if (seen && (!owner->token.last_used_at || now - *owner->token.last_used_at >= SeenSessions::kTokenEvery))
    seen->note_token(owner->token.id, now);
  return owner;
}

}  // namespace fabrique::accounts
