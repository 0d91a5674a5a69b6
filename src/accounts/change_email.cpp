// Use cases: a signed-in person moves their account to a new address. The new address is confirmed
// by a mailed link before anything changes; the old one is told once it has.
#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "accounts/urls.hpp"
#include "common/text.hpp"

namespace fabrique::accounts {

using i18n::N_;

FieldErrors request_email_change(storage::Connection& c, const User& actor, std::string_view new_email,
                                 std::string_view current_password, i18n::Lang lang, sys_seconds now) {
  FieldErrors errors;
  const std::string address = text::trim(new_email);
  check_email(errors, "email", address);
  if (errors.empty() && text::lower(address) == text::lower(actor.email))
    errors.add("email", N_("This is already your address."));
  auto hash = store::password_hash(c, actor.id);
  if (!hash || current_password.size() > kMaxPasswordLength || !verify_password(current_password, *hash))
    errors.add("current_password", N_("The current password is wrong."));
  if (!errors.empty()) return errors;

  storage::Transaction tx(c, true);
  if (store::user_by_email(c, address)) {
    errors.add("email", N_("An account already uses this e-mail address."));
    return errors;
  }
  const std::string token = issue_token(c, actor.id, "email", address, now, kAddressChangeValidity);
  const i18n::Translator* t = nullptr;
  store::Recipient to{address, actor.name, lang, true};
  mail::Mail m = letter(to, actor.id, mail::kAddressChange, N_("Confirm your new e-mail address"), t);
  m.paragraphs.push_back(
      t->tr(N_("You asked to use this address for your account. Follow this link within a "
               "day to confirm it; until then your account keeps its former address.")));
  m.link_label = t->tr(N_("Confirm my new address"));
  m.link = mail::url(urls::confirm_address() + "?jeton=" + token);
  mail::enqueue(c, m, now);
  tx.commit();
  return errors;
}

LinkResult confirm_email_change(storage::Connection& c, const User& actor, std::string_view token, sys_seconds now) {
  LinkResult out;
  storage::Transaction tx(c, true);
  out.error = token_problem(c, token, "email", now);
  if (out.error) return out;
  if (store::token(c, token_hash(token))->user_id != actor.id) {
    out.error = N_("This link was sent for another account. Sign in with that account to use it.");
    return out;
  }
  auto redeemed = redeem_token(c, token, "email", now, out.error);
  if (!redeemed) return out;
  if (store::user_by_email(c, redeemed->email)) {
    out.error = N_("An account already uses this e-mail address.");
    return out;  // rolls back: the link stays usable if that account goes
  }
  auto old = store::recipient(c, actor.id);
  store::update_email(c, actor.id, redeemed->email, now);
  if (old && old->confirmed) {
    const i18n::Translator* t = nullptr;
    mail::Mail m = letter(*old, actor.id, mail::kAddressChange, N_("The address of your account was changed"), t);
    m.paragraphs.push_back(
        t->tr(N_("Your account now uses another address, confirmed from that address. "
                 "This one will receive nothing more from the site.")));
    m.paragraphs.push_back(t->tr(N_("If you did not ask for this, write to the programme's team at once.")));
    mail::enqueue(c, m, now);
  }
  out.user = store::user(c, actor.id);
  tx.commit();
  return out;
}

}  // namespace fabrique::accounts
