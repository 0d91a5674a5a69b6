// SQL for people, sessions and failed sign-ins.
#include "accounts/store.hpp"

#include <fmt/format.h>

#include <cctype>

#include "common/text.hpp"
#include "organisations/store.hpp"
#include "storage/changes.hpp"
#include "storage/settings.hpp"

namespace fabrique::accounts::store {
namespace {

constexpr const char* kUserColumns = "id, email, name, role, show_name, created_at";

using storage::secs;

}  // namespace

User read_user(const storage::Row& r, std::size_t first) {
  User u;
  u.id = r.integer(first);
  u.email = r.text(first + 1);
  u.name = r.text(first + 2);
  u.role = r.text(first + 3) == "animateur" ? Role::animateur : Role::member;
  u.show_name = r.boolean(first + 4);
  u.created_at = storage::at(r.integer(first + 5));
  return u;
}

std::optional<User> user(Connection& c, std::int64_t id) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?", {id});
  if (!r) return std::nullopt;
  return read_user(*r);
}

std::optional<User> user_by_email(Connection& c, std::string_view email) {
  auto r = c.query_one(std::string("SELECT ") + kUserColumns + " FROM users WHERE email_key = ?",
                       {text::lower(text::trim(email))});
  if (!r) return std::nullopt;
  return read_user(*r);
}

std::optional<std::string> password_hash(Connection& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT password_hash FROM users WHERE id = ?", {user_id});
  if (!r) return std::nullopt;
  return r->text(0);
}

std::int64_t insert_user(Connection& c, const User& u, const std::string& hash, sys_seconds now) {
  auto rows = c.query(
      "INSERT INTO users (email, email_key, name, password_hash, role, show_name, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {u.email, text::lower(u.email), u.name, hash, std::string(u.is_animateur() ? "animateur" : "member"),
       std::int64_t(u.show_name), secs(now), secs(now)});
  return rows.at(0).integer(0);
}

void update_password(Connection& c, std::int64_t user_id, const std::string& hash, sys_seconds now) {
  c.execute("UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", {hash, secs(now), user_id});
}

void update_profile(Connection& c, std::int64_t user_id, const std::string& name, bool show_name, sys_seconds now) {
  c.execute("UPDATE users SET name = ?, show_name = ?, updated_at = ? WHERE id = ?",
            {name, std::int64_t(show_name), secs(now), user_id});
}

void insert_session(Connection& c, const std::string& token_hash, std::int64_t user_id, sys_seconds now,
                    sys_seconds expires) {
  storage::Rows person(c, "sessions", user_id);
  c.execute("INSERT INTO sessions (token_hash, user_id, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?)",
            {token_hash, user_id, secs(now), secs(expires), secs(now)});
}

std::optional<SessionUser> session_user(Connection& c, const std::string& token_hash, sys_seconds now) {
  auto r =
      c.query_one(std::string("SELECT u.id, u.email, u.name, u.role, u.show_name, u.created_at, s.last_seen_at, ") +
                      storage::settings::kDataVersionColumn +
                      ", s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND "
                      "s.expires_at > ?",
                  {token_hash, secs(now)});
  if (!r) return std::nullopt;
  return SessionUser{read_user(*r), storage::at(r->integer(6)), storage::at(r->integer(8)), r->integer(7)};
}

std::vector<SessionInfo> sessions_of(Connection& c, std::int64_t user_id, sys_seconds now) {
  std::vector<SessionInfo> out;
  storage::Rows person(c, "sessions", user_id);
  for (const auto& r : c.query("SELECT token_hash, created_at, last_seen_at, expires_at FROM sessions "
                               "WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC, created_at DESC",
                               {user_id, secs(now)}))
    out.push_back({r.text(0).substr(0, kSessionHandleLength), storage::at(r.integer(1)), storage::at(r.integer(2)),
                   storage::at(r.integer(3))});
  return out;
}

bool delete_session_by_handle(Connection& c, std::int64_t user_id, const std::string& handle) {
  if (handle.size() != kSessionHandleLength) return false;
  // The handle is hexadecimal: a LIKE pattern made of it matches literally.
  for (char ch : handle)
    if (!std::isxdigit(static_cast<unsigned char>(ch))) return false;
  storage::Rows person(c, "sessions", user_id);
  return c.execute("DELETE FROM sessions WHERE user_id = ? AND token_hash LIKE ?", {user_id, handle + "%"}) > 0;
}

// Sessions found by their token or their end are named by the people they are of (RETURNING).
void record_session_use(Connection& c, const std::vector<std::pair<std::string, sys_seconds>>& seen) {
  for (const auto& [hash, at] : seen)
    storage::query_keyed(c, "sessions", {0},
                         "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ? "
                         "RETURNING user_id",
                         {secs(at), hash, secs(at)});
}

void delete_session(Connection& c, const std::string& token_hash) {
  storage::query_keyed(c, "sessions", {0}, "DELETE FROM sessions WHERE token_hash = ? RETURNING user_id", {token_hash});
}

void delete_other_sessions(Connection& c, std::int64_t user_id, const std::string& keep_token_hash) {
  storage::Rows person(c, "sessions", user_id);
  c.execute("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", {user_id, keep_token_hash});
}

void delete_expired_sessions(Connection& c, sys_seconds now) {
  storage::query_keyed(c, "sessions", {0}, "DELETE FROM sessions WHERE expires_at <= ? RETURNING user_id", {secs(now)});
}

Failures failures(Connection& c, const std::string& key) {
  auto r = c.query_one("SELECT failures, last_failure_at FROM sign_in_failures WHERE key = ?", {key});
  if (!r) return {};
  return {r->integer(0), storage::at(r->integer(1))};
}

void record_failure(Connection& c, const std::string& key, sys_seconds now, bool restart) {
  c.execute(
      "INSERT INTO sign_in_failures (key, failures, last_failure_at) VALUES (?, 1, ?) "
      "ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN ? = 1 THEN 1 ELSE sign_in_failures.failures + 1 END, "
      "last_failure_at = excluded.last_failure_at",
      {key, secs(now), std::int64_t(restart)});
}

FailureKeys failure_keys(std::string_view email_key) {
  FailureKeys out{"email:" + std::string(email_key), {}};
  for (char ch : out.key) {  // LIKE's wildcards in the address matched literally
    if (ch == '%' || ch == '_' || ch == '\\') out.pattern += '\\';
    out.pattern += ch;
  }
  out.pattern += " %";
  return out;
}

void clear_failures(Connection& c, const std::string& key) {
  c.execute("DELETE FROM sign_in_failures WHERE key = ?", {key});
}

std::optional<Recipient> recipient(Connection& c, std::int64_t user_id) {
  auto r = c.query_one("SELECT email, name, language, email_confirmed_at FROM users WHERE id = ?", {user_id});
  if (!r) return std::nullopt;
  Recipient out{r->text(0), r->text(1), i18n::Lang::fr, !r->is_null(3)};
  i18n::parse(r->text(2), out.lang);
  return out;
}

void set_language(Connection& c, std::int64_t user_id, i18n::Lang lang) {
  c.execute("UPDATE users SET language = ? WHERE id = ?", {std::string(i18n::code(lang)), user_id});
}

void confirm_email(Connection& c, std::int64_t user_id, sys_seconds now) {
  c.execute("UPDATE users SET email_confirmed_at = ? WHERE id = ? AND email_confirmed_at IS NULL",
            {secs(now), user_id});
}

void await_confirmation(Connection& c, std::int64_t user_id) {
  c.execute("UPDATE users SET email_confirmed_at = NULL WHERE id = ?", {user_id});
}

void update_email(Connection& c, std::int64_t user_id, const std::string& email, sys_seconds now) {
  c.execute("UPDATE users SET email = ?, email_key = ?, email_confirmed_at = ?, updated_at = ? WHERE id = ?",
            {email, text::lower(email), secs(now), secs(now), user_id});
}

void erase_person(Connection& c, std::int64_t user_id, sys_seconds now) {
  auto who = c.query_one("SELECT email_key FROM users WHERE id = ?", {user_id});
  if (!who) return;
  const std::string email_key = who->text(0);
  for (const char* table : {"sessions", "account_tokens", "mail_preferences", "notifications", "calendar_tokens",
                            "coalition_members", "interest_declarations", "charter_signatures", "observatory_editors",
                            "event_slot_speakers", "follows", "access_tokens"})
    c.execute(fmt::format("DELETE FROM {} WHERE user_id = ?", table), {user_id});
  organisations::store::remove_person(c, user_id);  // and counts their organisations' members again
  c.execute("DELETE FROM observatory_contributions WHERE contributor_id = ? AND status = 'pending'", {user_id});
  c.execute("DELETE FROM outbox WHERE lower(recipient) = ?", {email_key});
  const auto keys = failure_keys(email_key);
  c.execute("DELETE FROM sign_in_failures WHERE key = ? OR key LIKE ? ESCAPE '\\'", {keys.key, keys.pattern});
  // The address is replaced by one that cannot receive mail (RFC 2606) and stays unique.
  const std::string gone = "ancien-membre-" + std::to_string(user_id) + "@deleted.invalid";
  c.execute(
      "UPDATE users SET name = ?, email = ?, email_key = ?, password_hash = '', show_name = 1, "
      "role = 'member', email_confirmed_at = NULL, deleted_at = ?, updated_at = ? WHERE id = ?",
      {std::string(kFormerMember), gone, gone, secs(now), secs(now), user_id});
}

void delete_sessions(Connection& c, std::int64_t user_id) {
  storage::Rows person(c, "sessions", user_id);
  c.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
}

void insert_token(Connection& c, const std::string& token_hash, std::int64_t user_id, std::string_view purpose,
                  const std::string& email, sys_seconds now, sys_seconds expires) {
  c.execute(
      "INSERT INTO account_tokens (token_hash, user_id, purpose, email, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      {token_hash, user_id, std::string(purpose), email, secs(now), secs(expires)});
}

std::optional<Token> token(Connection& c, const std::string& token_hash) {
  auto r = c.query_one("SELECT user_id, purpose, email, expires_at, used_at FROM account_tokens WHERE token_hash = ?",
                       {token_hash});
  if (!r) return std::nullopt;
  return Token{r->integer(0), r->text(1), r->text(2), storage::at(r->integer(3)), !r->is_null(4)};
}

bool use_token(Connection& c, const std::string& token_hash, sys_seconds now) {
  return c.execute("UPDATE account_tokens SET used_at = ? WHERE token_hash = ? AND used_at IS NULL",
                   {secs(now), token_hash}) == 1;
}

}  // namespace fabrique::accounts::store
