// Use case: a person deletes their account. What is theirs alone goes; what they gave the programme
// (booklet revisions, resources, minutes…) stays whole, by "ancien membre".
#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "commons/use_cases.hpp"
#include "events/mail.hpp"

namespace fabrique::accounts {

using i18n::N_;

FieldErrors delete_account(storage::Connection& c, const User& actor, std::string_view password, sys_seconds now) {
  FieldErrors errors;
  auto hash = store::password_hash(c, actor.id);
  if (password.empty())
    errors.add("password", N_("Type your password to confirm."));
  else if (!hash || password.size() > kMaxPasswordLength || !verify_password(password, *hash))
    errors.add("password", N_("The password is wrong."));
  if (!errors.empty()) return errors;

  storage::Transaction tx(c, true);
  if (actor.is_animateur()) {
    auto others = c.query_one("SELECT COUNT(*) FROM users WHERE role = 'animateur' AND id <> ? AND deleted_at IS NULL",
                              {actor.id});
    if (!others || others->integer(0) == 0) {
      errors.add("password",
                 N_("You are the last animateur: make someone else animateur before deleting your account."));
      return errors;
    }
  }
  auto to = store::recipient(c, actor.id);
  events::withdraw_registrations(c, actor.id, now);
  commons::forget_drafts(c, actor.id);
  store::erase_person(c, actor.id, now);
  if (to && to->confirmed) {
    // Written after the outbox was emptied of their address: the one mail that still goes there.
    const i18n::Translator* t = nullptr;
    mail::Mail m = letter(*to, 0, mail::kAccountDeleted, N_("Your account is deleted"), t);
    m.paragraphs.push_back(
        t->tr(N_("Your account was deleted, as you asked. What was about you alone is gone: your "
                 "address, your sessions, your registrations, your drafts. What you gave the "
                 "programme stays, shown as by a former member.")));
    m.paragraphs.push_back(t->tr(N_("This is the last mail you will receive from this site.")));
    mail::enqueue(c, m, now);
  }
  tx.commit();
  return errors;
}

}  // namespace fabrique::accounts
