// What people do with their account through a link mailed to them: confirming their address after
// signing up, recovering a forgotten password, moving their account to a new address. Each use case
// is one transaction; its mails are written to the outbox inside it. Knows nothing of HTTP.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "mail/mail.hpp"

namespace fabrique::accounts {

// How long a mailed link lasts.
inline constexpr std::chrono::hours kConfirmationValidity{72};
inline constexpr std::chrono::hours kRecoveryValidity{1};
inline constexpr std::chrono::hours kAddressChangeValidity{24};

// create_account.cpp. The sign-up form. Outcomes: account created (not signed in) and the link
// confirming its address mailed | the address already has an account: its owner is told by mail and
// nothing else is written — the caller answers exactly as for a new account | field errors, nothing
// written. `lang` is the language the person's mails will be written in; `back`, one of the site's
// paths (an invitation's link, say), is where the confirmation link leads once the address is
// confirmed (empty: the account page).
SignUpResult create_account(storage::Connection& c, SignUpInput in, i18n::Lang lang, sys_seconds now,
                            std::string_view back = {});

// What a mailed link led to.
struct LinkResult {
  const char* error = nullptr;  // English msgid when the link cannot be used: nothing was changed
  std::optional<User> user;
  std::string session_token;  // when the use case signs the person in
};

// The problem with `token` for `purpose` ("confirm", "password", "email"), or nullptr if it can be
// used now; for pages that show a form before the link is used.
const char* token_problem(storage::Connection& c, std::string_view token, std::string_view purpose, sys_seconds now);

// confirm_email.cpp. Outcomes: address confirmed and the person signed in | link unknown, used or
// expired.
LinkResult confirm_email(storage::Connection& c, std::string_view token, sys_seconds now,
                         std::chrono::days session_length);

// request_password_reset.cpp. Outcomes: a single-use link valid one hour mailed to the account's
// address | no account for this address: nothing, after the same work | address not valid.
// Whether the address has an account is never told.
FieldErrors request_password_reset(storage::Connection& c, std::string_view email, sys_seconds now);

// reset_password.cpp. Outcomes: password set, every session of the person ended, address confirmed
// (the link proved it) | link unknown, used or expired (`error`) | password invalid (`errors`).
struct ResetResult {
  const char* error = nullptr;
  FieldErrors errors;
};
ResetResult reset_password(storage::Connection& c, std::string_view token, std::string_view password,
                           std::string_view confirmation, sys_seconds now);

// delete_account.cpp. The person deletes their own account, confirming with their password.
// Outcomes: deleted — personal data removed (store::erase_person), sessions ended, registrations
// withdrawn (the waiting lists move up and those promoted are told), private drafts deleted, public
// contributions kept under "ancien membre", a last mail to the old address saying so; all in one
// transaction | password wrong, nothing changed. Animateurs are refused while they are the last one
// (the programme would have nobody to run it).
FieldErrors delete_account(storage::Connection& c, const User& actor, std::string_view password, sys_seconds now);

// change_email.cpp. Outcomes: a link mailed to the new address (the account keeps the old one until
// it is followed) | current password wrong, address invalid or already used.
FieldErrors request_email_change(storage::Connection& c, const User& actor, std::string_view new_email,
                                 std::string_view current_password, i18n::Lang lang, sys_seconds now);
// change_email.cpp. Outcomes: the account moved to the new address and the old one told by mail |
// link unknown, used, expired, or sent to another account than `actor`'s | address taken meanwhile.
LinkResult confirm_email_change(storage::Connection& c, const User& actor, std::string_view token, sys_seconds now);

// Shared by these use cases (mailed_links.cpp): the address check of every form, and the single-use
// tokens mailed to people (only their hash is stored).
void check_email(FieldErrors& errors, std::string_view field, std::string_view email);
std::string issue_token(storage::Connection& c, std::int64_t user_id, std::string_view purpose,
                        const std::string& email, sys_seconds now, std::chrono::seconds validity);
// Uses `token` for `purpose` inside the caller's write transaction: the token's row when it was valid
// (now spent), else nullopt with `error` set.
struct Redeemed {
  std::int64_t user_id = 0;
  std::string email;
};
std::optional<Redeemed> redeem_token(storage::Connection& c, std::string_view token, std::string_view purpose,
                                     sys_seconds now, const char*& error);
// A mail to `to` in their language: subject (a msgid, translated) and greeting set; the caller adds
// the rest with the translator it returns in `t`.
mail::Mail letter(const store::Recipient& to, std::int64_t user_id, const char* kind, const char* subject,
                  const i18n::Translator*& t);
// Mails `user_id` a new link confirming their address (inside the caller's write transaction); the
// link carries `back` (a path of the site, or empty) as its `retour`.
void mail_confirmation(storage::Connection& c, std::int64_t user_id, sys_seconds now, std::string_view back = {});

}  // namespace fabrique::accounts
