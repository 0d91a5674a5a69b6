// Use case: a person creates an account, optionally joining or creating their organisation.
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "accounts/throttle.hpp"
#include "accounts/use_cases.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"

namespace fabrique::accounts {

using i18n::N_;

SignUpResult sign_up(storage::Connection& c, const SignUpInput& in, sys_seconds now) {
  SignUpResult out;
  const std::string address_key = "sign-up ip:" + in.client_address;
  if (!in.client_address.empty()) {
    storage::Transaction tx(c, false);
    if (auto wait = throttle::wait(c, address_key, in.free_per_address, now); wait.count() > 0) {
      out.retry_after = wait.count();
      out.errors.add("email",
                     N_("Too many accounts were created from your connection. Wait a moment before trying again."));
      return out;
    }
  }
  User u;
  u.name = text::trim(in.name);
  u.email = text::trim(in.email);
  u.role = in.role;
  check_name(out.errors, "name", u.name);
  if (u.email.empty()) {
    out.errors.add("email", N_("Enter your e-mail address."));
  } else if (!text::looks_like_email(u.email) || u.email.size() > kMaxEmailLength ||
             !text::valid_utf8(u.email, false)) {
    out.errors.add("email", N_("Enter an e-mail address like name@example.org."));
  }
  check_password(out.errors, "password", in.password, "password_confirmation", in.password_confirmation);

  // The organisation is checked in a transaction that commits only with the account.
  auto organisation_of = [&]() -> std::optional<organisations::Organisation> {
    std::string org_name = text::trim(in.organisation);
    if (org_name.empty()) return std::nullopt;
    organisations::OrganisationInput oi{org_name, in.organisation_kind, "", ""};
    return organisations::find_or_create_in(c, oi, out.errors, "organisation", "organisation_kind", now);
  };
  if (!out.errors.empty()) {
    // The cheap checks first, hashing being slow on purpose; the organisation's errors are shown with
    // them, and the transaction rolls back: nothing is written.
    storage::Transaction tx(c, true);
    organisation_of();
    return out;
  }

  if (!in.client_address.empty()) {
    storage::Transaction tx(c, true);
    throttle::note(c, address_key, now);
    tx.commit();
  }
  // Before taking the write lock.
  std::string hash = hash_password(in.password);

  storage::Transaction tx(c, true);
  if (auto owner = u.email.empty() ? std::nullopt : store::user_by_email(c, u.email)) {
    if (in.quiet_when_taken)
      out.taken_by = owner;
    else
      out.errors.add("email", N_("An account already uses this e-mail address. Sign in instead."));
  }

  std::optional<organisations::Organisation> organisation = organisation_of();
  if (!out.errors.empty() || out.taken_by) return out;  // the transaction rolls back: nothing written

  try {
    u.id = store::insert_user(c, u, hash, now);
  } catch (const storage::ConstraintError&) {
    // Someone signed up with the same address between our check and our insert.
    out.errors.add("email", N_("An account already uses this e-mail address. Sign in instead."));
    return out;
  }
  if (organisation) organisations::store::add_member(c, u.id, organisation->id, now);
  if (in.session_length.count() > 0) out.session_token = open_session(c, u.id, now, in.session_length);
  u.created_at = now;
  if (in.created) in.created(c, u);
  tx.commit();
  out.user = u;
  return out;
}

}  // namespace fabrique::accounts
