// Use case: a person signs up through the form; their address is confirmed by a mailed link, and
// an address that already has an account is never revealed.
#include "accounts/by_mail.hpp"
#include "accounts/urls.hpp"

namespace fabrique::accounts {

using i18n::N_;

SignUpResult create_account(storage::Connection& c, SignUpInput in, i18n::Lang lang, sys_seconds now,
                            std::string_view back) {
  in.quiet_when_taken = true;
  in.session_length = std::chrono::days(0);  // signed in once the address is confirmed
  in.created = [&](storage::Connection& tx, const User& u) {
    store::set_language(tx, u.id, lang);
    store::await_confirmation(tx, u.id);
    mail_confirmation(tx, u.id, now, back);
  };
  auto result = sign_up(c, in, now);
  if (!result.errors.empty() || !result.taken_by) return result;

  // The address has an account: the person who typed it learns nothing, its owner gets a mail.
  storage::Transaction tx(c, true);
  auto owner = store::recipient(c, result.taken_by->id);
  if (owner && !owner->confirmed) {
    mail_confirmation(c, result.taken_by->id, now, back);  // an unconfirmed address gets no other mail
  } else if (owner) {
    const i18n::Translator* t = nullptr;
    mail::Mail m = letter(*owner, result.taken_by->id, mail::kAccountExists,
                          N_("Someone tried to create an account with your address"), t);
    m.paragraphs.push_back(
        t->tr(N_("Someone, probably you, tried to create an account on the site with this "
                 "address, which already has one. Nothing was changed.")));
    m.paragraphs.push_back(t->tr(N_("If you forgot your password, you can choose a new one:")));
    m.link_label = t->tr(N_("Choose a new password"));
    m.link = mail::url(urls::forgotten_password());
    mail::enqueue(c, m, now);
  }
  tx.commit();
  return {};  // the same answer as for a new address
}

}  // namespace fabrique::accounts
