// SQL for personal access tokens: made, listed, revoked, found by their hash, their last use noted.
#include "accounts/store.hpp"

namespace fabrique::accounts::store {
namespace {

using storage::at;
using storage::secs;

constexpr const char* kTokenColumns =
    "t.id, t.name, t.can_read, t.can_write, t.created_at, t.expires_at, t.last_used_at";

AccessToken read_access_token(const storage::Row& r) {
  AccessToken t;
  t.id = r.integer(0);
  t.name = r.text(1);
  t.can_read = r.boolean(2);
  t.can_write = r.boolean(3);
  t.created_at = at(r.integer(4));
  t.expires_at = at(r.integer(5));
  if (auto used = r.optional_integer(6)) t.last_used_at = at(*used);
  return t;
}

}  // namespace

std::int64_t insert_access_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                                 const AccessToken& t) {
  auto rows = c.query(
      "INSERT INTO access_tokens (user_id, token_hash, name, can_read, can_write, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {user_id, token_hash, t.name, std::int64_t(t.can_read), std::int64_t(t.can_write), secs(t.created_at),
       secs(t.expires_at)});
  return rows.at(0).integer(0);
}

std::vector<AccessToken> access_tokens_of(Connection& c, std::int64_t user_id) {
  std::vector<AccessToken> out;
  for (const auto& r : c.query(std::string("SELECT ") + kTokenColumns +
                                   " FROM access_tokens t WHERE t.user_id = ? ORDER BY t.created_at DESC, t.id DESC",
                               {user_id}))
    out.push_back(read_access_token(r));
  return out;
}

std::int64_t count_access_tokens(Connection& c, std::int64_t user_id) {
  return c.query_integer("SELECT COUNT(*) FROM access_tokens WHERE user_id = ?", {user_id});
}

bool delete_access_token(Connection& c, std::int64_t user_id, std::int64_t id) {
  return c.execute("DELETE FROM access_tokens WHERE user_id = ? AND id = ?", {user_id, id}) > 0;
}

std::optional<TokenOwner> access_token_owner(Connection& c, const std::string& token_hash, sys_seconds now) {
  // The token's seven columns, then the owner's six (read_user) and their language.
  auto r = c.query_one(std::string("SELECT ") + kTokenColumns +
                           ", u.id, u.email, u.name, u.role, u.show_name, u.created_at, u.language "
                           "FROM access_tokens t JOIN users u ON u.id = t.user_id "
                           "WHERE t.token_hash = ? AND t.expires_at > ? AND u.deleted_at IS NULL",
                       {token_hash, secs(now)});
  if (!r) return std::nullopt;
  TokenOwner out{.user = read_user(*r, 7), .lang = i18n::Lang::fr, .token = read_access_token(*r)};
  i18n::parse(r->text(13), out.lang);
  return out;
}

void record_access_token_use(Connection& c, const std::vector<std::pair<std::int64_t, sys_seconds>>& seen) {
  for (const auto& [id, when] : seen)
    c.execute("UPDATE access_tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
              {secs(when), id, secs(when)});
}

}  // namespace fabrique::accounts::store
