// Use case: "mot de passe oublié". A single-use link valid one hour is mailed to the account's
// address; the answer, and the work done, are the same whether or not the address has an account.
#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "accounts/urls.hpp"
#include "common/text.hpp"

namespace fabrique::accounts {

using i18n::N_;

FieldErrors request_password_reset(storage::Connection& c, std::string_view email, sys_seconds now) {
  FieldErrors errors;
  const std::string address = text::trim(email);
  check_email(errors, "email", address);
  if (!errors.empty()) return errors;

  storage::Transaction tx(c, true);
  auto user = store::user_by_email(c, address);
  // Without an account, the same steps run on a stand-in (a token, a composed mail) and nothing is
  // kept, so that the time taken tells nothing either.
  const std::int64_t user_id = user ? user->id : 0;
  const std::string token = random_token();
  store::Recipient to = user ? store::recipient(c, user_id).value_or(store::Recipient{})
                             : store::Recipient{address, "", i18n::Lang::fr, false};
  const i18n::Translator* t = nullptr;
  mail::Mail m = letter(to, user_id, mail::kPasswordRecovery, N_("Choose a new password"), t);
  m.paragraphs.push_back(
      t->tr(N_("Someone, probably you, asked to choose a new password for your account. "
               "The link below works once, within one hour.")));
  m.paragraphs.push_back(t->tr(N_("If you did not ask for it, ignore this mail: your password stays the same.")));
  m.link_label = t->tr(N_("Choose a new password"));
  m.link = mail::url(urls::new_password() + "?jeton=" + token);
  if (user) {
    store::insert_token(c, token_hash(token), user_id, "password", "", now, now + kRecoveryValidity);
    mail::enqueue(c, m, now);
  } else {
    (void)token_hash(token);
    (void)mail::compose(m, now);
  }
  tx.commit();
  return errors;
}

}  // namespace fabrique::accounts
