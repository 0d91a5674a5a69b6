// SQL for people, sessions and failed sign-ins. Stores know SQL; use cases know the rules.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accounts/model.hpp"
#include "i18n/i18n.hpp"
#include "storage/database.hpp"

namespace fabrique::accounts::store {

using std::chrono::sys_seconds;
using storage::Connection;

std::optional<User> user(Connection& c, std::int64_t id);
// A User from the six columns id, email, name, role, show_name, created_at of `r`, from column `first`.
User read_user(const storage::Row& r, std::size_t first = 0);
std::optional<User> user_by_email(Connection& c, std::string_view email);  // case-insensitive
// The password hash of a user, for verification only.
std::optional<std::string> password_hash(Connection& c, std::int64_t user_id);
std::int64_t insert_user(Connection& c, const User& u, const std::string& password_hash, sys_seconds now);
void update_password(Connection& c, std::int64_t user_id, const std::string& password_hash, sys_seconds now);
void update_profile(Connection& c, std::int64_t user_id, const std::string& name, bool show_name, sys_seconds now);

void insert_session(Connection& c, const std::string& token_hash, std::int64_t user_id, sys_seconds now,
                    sys_seconds expires);
// The signed-in user for a session token hash, if the session exists and has not expired, and when
// the session was last recorded as used.
struct SessionUser {
  User user;
  sys_seconds last_seen_at{};
  sys_seconds expires_at{};
  std::int64_t data_version = 0;  // read in the same statement (storage::Connection::known_version)
};
std::optional<SessionUser> session_user(Connection& c, const std::string& token_hash, sys_seconds now);
// The person's sessions that have not expired, most recently used first. `handle` names a session to
// its owner (the first 16 characters of its token's hash: enough to tell sessions apart, useless to
// open one).
struct SessionInfo {
  std::string handle;
  sys_seconds created_at{}, last_seen_at{}, expires_at{};
};
inline constexpr std::size_t kSessionHandleLength = 16;
std::vector<SessionInfo> sessions_of(Connection& c, std::int64_t user_id, sys_seconds now);
// Ends the session of `user_id` named by `handle`; false when there is none.
bool delete_session_by_handle(Connection& c, std::int64_t user_id, const std::string& handle);
// Records that each session was used at the instant given (never moving it back).
void record_session_use(Connection& c, const std::vector<std::pair<std::string, sys_seconds>>& seen);
void delete_session(Connection& c, const std::string& token_hash);
void delete_other_sessions(Connection& c, std::int64_t user_id, const std::string& keep_token_hash);
void delete_expired_sessions(Connection& c, sys_seconds now);

struct Failures {
  std::int64_t count = 0;
  sys_seconds last{};
};
Failures failures(Connection& c, const std::string& key);
void record_failure(Connection& c, const std::string& key, sys_seconds now, bool restart);
void clear_failures(Connection& c, const std::string& key);
// Failed sign-ins to an address are counted under "email:ADDRESS" and "email:ADDRESS ip:CLIENT":
// the first key, and a LIKE pattern (ESCAPE '\\') for the others.
struct FailureKeys {
  std::string key, pattern;
};
FailureKeys failure_keys(std::string_view email_key);

// Mail (migration 0012): the person's language, whether their address is confirmed, and the tokens
// mailed to them.
struct Recipient {
  std::string email;
  std::string name;
  i18n::Lang lang = i18n::Lang::fr;
  bool confirmed = false;
};
std::optional<Recipient> recipient(Connection& c, std::int64_t user_id);
void set_language(Connection& c, std::int64_t user_id, i18n::Lang lang);
void confirm_email(Connection& c, std::int64_t user_id, sys_seconds now);
// A new account made through the sign-up form waits for its address to be confirmed.
void await_confirmation(Connection& c, std::int64_t user_id);
// Changes the address (already checked free) and counts it as confirmed.
void update_email(Connection& c, std::int64_t user_id, const std::string& email, sys_seconds now);
void delete_sessions(Connection& c, std::int64_t user_id);
// Account deletion: removes every row that is about the person alone (sessions, mailed and access
// tokens, choices, notices, memberships, declarations, signatures, pending contributions, mails to
// their address, failed sign-ins) and empties their users row, which stays so that what they made public keeps its
// author, shown as a former member. Inside the caller's write transaction.
void erase_person(Connection& c, std::int64_t user_id, sys_seconds now);

struct Token {
  std::int64_t user_id = 0;
  std::string purpose;  // confirm | password | email
  std::string email;    // for 'email': the new address
  sys_seconds expires_at{};
  bool used = false;
};
void insert_token(Connection& c, const std::string& token_hash, std::int64_t user_id, std::string_view purpose,
                  const std::string& email, sys_seconds now, sys_seconds expires);
std::optional<Token> token(Connection& c, const std::string& token_hash);
// Marks the token used; false when it already was (another request used it first).
bool use_token(Connection& c, const std::string& token_hash, sys_seconds now);

// Personal access tokens (migration 0015, token_store.cpp), found by the hash of the token.
std::int64_t insert_access_token(Connection& c, std::int64_t user_id, const std::string& token_hash,
                                 const AccessToken& t);
// The person's tokens, expired ones included, newest first.
std::vector<AccessToken> access_tokens_of(Connection& c, std::int64_t user_id);
std::int64_t count_access_tokens(Connection& c, std::int64_t user_id);
// Deletes token `id` of `user_id`; false when they have none by that id.
bool delete_access_token(Connection& c, std::int64_t user_id, std::int64_t id);
// The owner of an unexpired token; nothing for an unknown, revoked or expired token, or one whose
// owner deleted their account.
std::optional<TokenOwner> access_token_owner(Connection& c, const std::string& token_hash, sys_seconds now);
// Records that each token was used at the instant given (never moving it back).
void record_access_token_use(Connection& c, const std::vector<std::pair<std::int64_t, sys_seconds>>& seen);

}  // namespace fabrique::accounts::store
