// The notifications' addresses, written once: the account's notices, the choice of mails and the
// one-click unsubscription that mails carry (the route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "accounts/urls.hpp"

namespace fabrique::notifications::urls {

// The notices, a section of the account page, and the form that marks them read.
inline std::string notices() { return accounts::urls::account() + "#notifications"; }
inline std::string mark_read() { return accounts::urls::account() + "/notifications/lues"; }

// The choice of mails: `mail_choices()` from the account page; `notifications()` is the same page at
// the address mails link to.
inline std::string mail_choices() { return accounts::urls::account() + "/courriels"; }
inline std::string mail_choices_saved() { return mail_choices() + "?fait=1"; }
inline std::string notifications() { return accounts::urls::account() + "/notifications"; }

// A mail's unsubscription link: `token` signs the person and the kind of mail (mail::unsubscribe_path).
inline std::string unsubscribe(std::int64_t user_id, std::string_view kind, std::string_view token) {
  return "/courriels/desabonnement/" + std::to_string(user_id) + "/" + std::string(kind) + "/" + std::string(token);
}

}  // namespace fabrique::notifications::urls
