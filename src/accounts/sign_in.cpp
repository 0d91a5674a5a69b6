// Use cases: sign in (with slow-down after failures), sign out, and the user of a session.
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "accounts/throttle.hpp"
#include "accounts/urls.hpp"
#include "accounts/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::accounts {

using i18n::N_;

namespace {

// Failures before any wait: a person mistyping is never slowed; a guesser soon is. Counted per
// account and address together, and per address: failures from elsewhere never lock the owner out.
constexpr std::int64_t kFreePerAccountAndAddress = 5;
constexpr std::int64_t kFreePerAddress = 20;
// Failures on one account, from anywhere, after which its owner is told (once per burst).
constexpr std::int64_t kNoticeAfter = 5;

}  // namespace

SignInResult sign_in(storage::Connection& c, std::string_view email_in, std::string_view password,
                     std::string_view client_address, sys_seconds now, std::chrono::days session_length) {
  SignInResult out;
  std::string email = text::lower(text::trim(email_in));
  if (email.empty()) out.errors.add("email", N_("Enter your e-mail address."));
  if (password.empty()) out.errors.add("password", N_("Enter your password."));
  if (!out.errors.empty() || password.size() > kMaxPasswordLength || email.size() > kMaxEmailLength) {
    if (out.errors.empty()) out.errors.add("password", N_("Wrong e-mail address or password."));
    return out;
  }

  const std::string account_key = "email:" + email;
  const std::string address_key = "ip:" + std::string(client_address);
  const std::string pair_key = account_key + " " + address_key;
  {
    storage::Transaction tx(c, false);
    auto wait = std::max(throttle::wait(c, pair_key, kFreePerAccountAndAddress, now),
                         throttle::wait(c, address_key, kFreePerAddress, now));
    if (wait.count() > 0) {
      out.retry_after = wait.count();
      out.errors.add("password", N_("Too many failed attempts. Wait a moment before trying again."));
      return out;
    }
  }

  auto user = store::user_by_email(c, email);
  auto hash = user ? store::password_hash(c, user->id) : std::nullopt;
  // Verify even for an unknown address, so timing does not tell which addresses have accounts.
  static const std::string kDecoy = hash_password("not the password of anyone");
  bool ok = verify_password(password, hash ? *hash : kDecoy) && user.has_value();

  storage::Transaction tx(c, true);
  if (!ok) {
    throttle::note(c, pair_key, now);
    throttle::note(c, address_key, now);
    // Counted for every address at once, this only tells the owner: it never makes them wait.
    if (throttle::note(c, account_key, now) == kNoticeAfter && user)
      notifications::notify(c, user->id, notifications::kAccount,
                            N_("Several attempts to sign in to your account failed. If it was not you, choose a "
                               "new password."),
                            urls::account() + "#motdepasse", now);
    tx.commit();
    out.errors.add("password", N_("Wrong e-mail address or password."));
    return out;
  }
  store::clear_failures(c, pair_key);
  out.session_token = open_session(c, user->id, now, session_length);
  tx.commit();
  out.user = user;
  return out;
}

std::string open_session(storage::Connection& c, std::int64_t user_id, sys_seconds now,
                         std::chrono::days session_length) {
  store::delete_expired_sessions(c, now);
  std::string token = random_token();
  store::insert_session(c, token_hash(token), user_id, now, now + session_length);
  return token;
}

void sign_out(storage::Connection& c, std::string_view session_token) {
  if (session_token.empty()) return;
  storage::Transaction tx(c, true);
  store::delete_session(c, token_hash(session_token));
  tx.commit();
}

std::optional<store::SessionUser> KnownSessions::find(const storage::CommitMark& mark, const std::string& token_hash,
                                                      sys_seconds now) {
  std::lock_guard lock(mutex_);
  if (mark != mark_) {
    sessions_.clear();
    mark_ = mark;
    return std::nullopt;
  }
  auto it = sessions_.find(token_hash);
  if (it == sessions_.end() || it->second.expires_at <= now) return std::nullopt;
  return it->second;
}

void KnownSessions::keep(const storage::CommitMark& mark, const std::string& token_hash,
                         const store::SessionUser& session) {
  std::lock_guard lock(mutex_);
  if (mark != mark_) {
    sessions_.clear();
    mark_ = mark;
  }
  if (sessions_.size() >= kMax) sessions_.clear();
  sessions_.insert_or_assign(token_hash, session);
}

std::optional<User> current_user(storage::Connection& c, std::string_view session_token, sys_seconds now,
                                 SeenSessions* seen, KnownSessions* known) {
  if (session_token.empty() || session_token.size() > 100) return std::nullopt;
  const std::string hash = token_hash(session_token);
  // Read before the session: a commit in between leaves a mark no later one equals.
  const std::optional<storage::CommitMark> mark = known ? c.commit_mark() : std::nullopt;
  std::optional<store::SessionUser> s;
  if (mark) s = known->find(*mark, hash, now);
  if (!s) {
    s = store::session_user(c, hash, now);
    if (s && mark) known->keep(*mark, hash, *s);
  }
  if (!s) return std::nullopt;
  // The page cache's check and the memos take it from here: a statement less for every signed-in request.
  c.known_version = s->data_version;
  if (seen && now - s->last_seen_at >= SeenSessions::kEvery) seen->note(hash, now);
  return std::move(s->user);
}

}  // namespace fabrique::accounts
