// What people do with their account. Each use case is one transaction and knows nothing of HTTP;
// pages, the CLI and tests call these same functions.
#pragma once
#include <array>
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "accounts/model.hpp"
#include "accounts/store.hpp"
#include "common/errors.hpp"
#include "storage/database.hpp"

namespace fabrique::accounts {

using std::chrono::sys_seconds;

struct SignUpInput {
  std::string name;
  std::string email;
  std::string password;
  std::string password_confirmation;
  std::string organisation;             // optional: joins it if it exists (by name), else creates it
  std::string organisation_kind;        // kind slug, required when the organisation is new
  Role role = Role::member;             // animateurs are made by the CLI or by another animateur
  std::chrono::days session_length{0};  // > 0: sign the new person in at once
  std::string client_address;           // the sender's address, counted to slow repeated sign-ups; empty: not counted
  // Sign-ups from one address in an hour before each next one waits (doubling): a workshop signing
  // up together is not slowed, a script creating accounts (each a costly password hash) soon is.
  std::int64_t free_per_address = 30;
  // Set by the sign-up form: an address that already has an account is then no error (saying so
  // would tell anyone who has an account): `taken_by` names the owner and nothing is written.
  bool quiet_when_taken = false;
  // Called inside the transaction that creates the account, e.g. to mail the confirmation link.
  std::function<void(storage::Connection&, const User&)> created = nullptr;
};
struct SignUpResult {
  FieldErrors errors;
  std::optional<User> user;
  std::string session_token;     // when a session was asked for
  std::int64_t retry_after = 0;  // > 0 when refused because of too many sign-ups from the address (seconds)
  std::optional<User> taken_by;  // with quiet_when_taken: the owner of the address
};
// sign_up.cpp. Outcomes: user created (and organisation joined or created) | field errors, nothing written |
// throttled (too many recent sign-ups from this address), nothing written.
SignUpResult sign_up(storage::Connection& c, const SignUpInput& in, sys_seconds now);

struct SignInResult {
  FieldErrors errors;
  std::optional<User> user;
  std::string session_token;     // to give to the browser; only its hash is stored
  std::int64_t retry_after = 0;  // > 0 when refused because of too many failures (seconds)
};
// sign_in.cpp. Outcomes: session created | wrong e-mail or password (one message for both) |
// throttled (too many recent failures for this account from this address, or from this address);
// the owner of an account is notified once per burst of failures, wherever they come from.
SignInResult sign_in(storage::Connection& c, std::string_view email, std::string_view password,
                     std::string_view client_address, sys_seconds now, std::chrono::days session_length);

// Opens a session for a user who just proved who they are (sign-in, sign-up), inside the caller's
// write transaction. Returns the token to give to the browser.
std::string open_session(storage::Connection& c, std::int64_t user_id, sys_seconds now,
                         std::chrono::days session_length);

// sign_out.cpp. Deletes the session; unknown tokens are ignored.
void sign_out(storage::Connection& c, std::string_view session_token);

// The sessions seen in use whose recorded last use is older than kEvery, and the access tokens
// whose recorded last use is older than kTokenEvery, kept in memory until a chore writes them
// (src/chores/, once a minute): a request never writes to show who is signed in, so reading stays
// fast and never waits on a locked database. At most kMax of each are held; past that, further uses
// wait for the next flush to be noted.
class SeenSessions {
 public:
  static constexpr std::chrono::minutes kEvery{5};
  static constexpr std::chrono::minutes kTokenEvery{1};
  static constexpr std::size_t kMax = 100'000;
  void note(const std::string& token_hash, sys_seconds at);
  void note_token(std::int64_t token_id, sys_seconds at);
  // Writes what was noted in one write transaction; returns how many sessions and tokens. Anything
  // noted meanwhile waits for the next flush; if the write fails, what was taken is noted again.
  std::size_t flush(storage::Connection& c);

 private:
  std::mutex mutex_;
  std::unordered_map<std::string, sys_seconds> seen_;
  std::unordered_map<std::int64_t, sys_seconds> tokens_;
};

// The sessions read while nothing was committed since (storage::CommitMark, on SQLite), by the hash
// of their token: a signed-in request is then told who it is without a statement (a quarter of the
// server's CPU for a signed-in page from the cache, bench/RESULTS.md). Whatever is committed, by
// anyone (a sign-out, a role or a name changed, the chores' record of sessions' use), the mark moves
// and they are read again; a session past its end is never taken from here. Only sessions that were
// found are kept, kMax at most. Thread-safe.
class KnownSessions {
 public:
  static constexpr std::size_t kMax = 4096;
  std::optional<store::SessionUser> find(const storage::CommitMark& mark, const std::string& token_hash,
                                         sys_seconds now);
  void keep(const storage::CommitMark& mark, const std::string& token_hash, const store::SessionUser& session);

 private:
  std::mutex mutex_;
  storage::CommitMark mark_{};
  std::unordered_map<std::string, store::SessionUser> sessions_;
};

// The user of a session cookie, if still valid. With `seen`, a session last recorded as used more
// than SeenSessions::kEvery ago is noted there; with `known`, it may be known without a statement.
std::optional<User> current_user(storage::Connection& c, std::string_view session_token, sys_seconds now,
                                 SeenSessions* seen = nullptr, KnownSessions* known = nullptr);

// Personal access tokens (access_tokens.cpp): a person's scripts act as them through the forms'
// addresses (docs/api.md, "Writing"). A token is kTokenPrefix and 43 random characters.
inline constexpr std::string_view kTokenPrefix = "fabrique_";
// The lifetimes a token may be given, in days: a year at most.
inline constexpr std::array<int, 4> kTokenLifetimes = {7, 30, 90, 365};
struct AccessTokenInput {
  std::string name;
  bool read = false;
  bool write = false;
  std::string lifetime;  // days, as the form sends them: one of kTokenLifetimes
};
struct AccessTokenResult {
  FieldErrors errors;
  std::string token;  // shown once to its owner; only its hash is kept
  AccessToken made;
};
// Outcomes: made | name missing or too long, no scope, a lifetime not offered, or kMaxTokensPerPerson
// already: field errors, nothing written.
AccessTokenResult create_access_token(storage::Connection& c, const User& actor, const AccessTokenInput& in,
                                      sys_seconds now);
// Outcomes: revoked (its row deleted: the token opens nothing from now on) | no such token of theirs
// (false), nothing written.
bool revoke_access_token(storage::Connection& c, const User& actor, std::int64_t id);
// The person a token acts for, with its scopes, if it is known and unexpired. With `seen`, a token
// last recorded as used more than SeenSessions::kTokenEvery ago is noted there. Reads only.
std::optional<TokenOwner> token_owner(storage::Connection& c, std::string_view token, sys_seconds now,
                                      SeenSessions* seen = nullptr);

// sessions.cpp. Ends one of the actor's own sessions, named by its handle (store::SessionInfo).
// Outcomes: ended | no such session of theirs (false), nothing written.
bool end_session(storage::Connection& c, const User& actor, const std::string& handle);

// A column that names a person: `table`.`column` holds a users.id.
struct PersonalReference {
  std::string table;
  std::string column;
};
// Every such column of the schema; personal_data reads the rows each one names.
const std::vector<PersonalReference>& personal_references();
// Everything held about `person` as one JSON document, read in one snapshot: their account, then
// for each personal reference (and the outbox and failed sign-ins, which name their address) the
// rows that name them. Secrets (hashes of the password and tokens, mails' text) are left out.
std::string personal_data(storage::Connection& c, const User& person, sys_seconds now);

// change_password.cpp. Outcomes: changed and every other session of the person signed out |
// current password wrong | new password invalid or confirmation different.
FieldErrors change_password(storage::Connection& c, const User& actor, std::string_view session_token,
                            std::string_view current, std::string_view next, std::string_view confirmation,
                            sys_seconds now);

// update_profile.cpp. Outcomes: name and public-name choice saved | name invalid.
FieldErrors update_profile(storage::Connection& c, const User& actor, std::string_view name, bool show_name,
                           sys_seconds now);

// Shared checks of a new password and of a display name (validation.cpp).
void check_password(FieldErrors& errors, std::string_view field, std::string_view password,
                    std::string_view confirmation_field, std::string_view confirmation);
void check_name(FieldErrors& errors, std::string_view field, std::string_view name);

// How long a sign-in must wait after `failures` recent failures (0: no wait).
std::chrono::seconds sign_in_delay(std::int64_t failures, std::int64_t free_attempts);

}  // namespace fabrique::accounts
