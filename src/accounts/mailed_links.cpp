// The single-use tokens mailed to people, and the address check every account form shares.
#include <fmt/format.h>

#include "accounts/by_mail.hpp"
#include "accounts/crypto.hpp"
#include "accounts/store.hpp"
#include "accounts/urls.hpp"
#include "common/text.hpp"
#include "views/html.hpp"

namespace fabrique::accounts {

using i18n::N_;

void check_email(FieldErrors& errors, std::string_view field, std::string_view email) {
  if (email.empty()) {
    errors.add(std::string(field), N_("Enter your e-mail address."));
  } else if (!text::looks_like_email(email) || email.size() > kMaxEmailLength || !text::valid_utf8(email, false)) {
    errors.add(std::string(field), N_("Enter an e-mail address like name@example.org."));
  }
}

std::string issue_token(storage::Connection& c, std::int64_t user_id, std::string_view purpose,
                        const std::string& email, sys_seconds now, std::chrono::seconds validity) {
  std::string token = random_token();
  store::insert_token(c, token_hash(token), user_id, purpose, email, now, now + validity);
  return token;
}

const char* token_problem(storage::Connection& c, std::string_view token, std::string_view purpose, sys_seconds now) {
  auto t = token.empty() || token.size() > 100 ? std::nullopt : store::token(c, token_hash(token));
  if (!t || t->purpose != purpose)
    return N_("This link is not valid. Check that it was copied whole, or ask for a new one.");
  if (t->used) return N_("This link was already used. Ask for a new one if you need it.");
  if (t->expires_at <= now) return N_("This link has expired. Ask for a new one.");
  return nullptr;
}

std::optional<Redeemed> redeem_token(storage::Connection& c, std::string_view token, std::string_view purpose,
                                     sys_seconds now, const char*& error) {
  error = token_problem(c, token, purpose, now);
  if (error) return std::nullopt;
  const std::string hash = token_hash(token);
  // Two requests racing with one link: only the first one uses it.
  if (!store::use_token(c, hash, now)) {
    error = N_("This link was already used. Ask for a new one if you need it.");
    return std::nullopt;
  }
  auto t = store::token(c, hash);
  return Redeemed{t->user_id, t->email};
}

mail::Mail letter(const store::Recipient& to, std::int64_t user_id, const char* kind, const char* subject,
                  const i18n::Translator*& t) {
  t = &i18n::translator(to.lang);
  mail::Mail m;
  m.to = to.email;
  m.to_name = to.name;
  m.lang = to.lang;
  m.kind = kind;
  m.user_id = user_id;
  m.subject = t->tr(subject);
  m.paragraphs.push_back(fmt::format(fmt::runtime(t->tr(N_("Hello {},"))), to.name));
  return m;
}

void mail_confirmation(storage::Connection& c, std::int64_t user_id, sys_seconds now, std::string_view back) {
  auto to = store::recipient(c, user_id);
  if (!to) return;
  const std::string token = issue_token(c, user_id, "confirm", "", now, kConfirmationValidity);
  const i18n::Translator* t = nullptr;
  mail::Mail m = letter(*to, user_id, mail::kConfirmation, N_("Confirm your e-mail address"), t);
  m.paragraphs.push_back(
      t->tr(N_("An account was created on the site with this address. To confirm that it is "
               "yours, follow this link within three days.")));
  m.paragraphs.push_back(t->tr(N_("If you did not create it, ignore this mail: the account receives nothing else.")));
  m.link_label = t->tr(N_("Confirm my address"));
  m.link = mail::url(urls::confirm_email() + "?jeton=" + token +
                     (back.empty() ? std::string() : "&retour=" + html::url_encode(back)));
  mail::enqueue(c, m, now);
}

}  // namespace fabrique::accounts
