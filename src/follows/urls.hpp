// The follows' addresses, written once: the page of what is followed and its follow button (each
// module's own address), the digest's settings and the list of what a person follows.
#pragma once
#include <string>
#include <string_view>

#include "accounts/urls.hpp"
#include "coalitions/urls.hpp"
#include "events/urls.hpp"
#include "follows/follows.hpp"
#include "notifications/urls.hpp"
#include "organisations/urls.hpp"

namespace fabrique::follows::urls {

// The page of a followed subject by its slug; a series has no page of its own and is reached through
// one of its events.
inline std::string subject(Subject s, std::string_view slug) {
  switch (s) {
    case Subject::coalition:
      return coalitions::urls::coalition(slug);
    case Subject::series:
      return events::urls::event(slug);
    case Subject::organisation:
      break;
  }
  return organisations::urls::organisation(slug);
}

// Where the follow button of that page posts.
inline std::string follow(Subject s, std::string_view slug) {
  switch (s) {
    case Subject::coalition:
      return coalitions::urls::follow(slug);
    case Subject::series:
      return events::urls::follow_series(slug);
    case Subject::organisation:
      break;
  }
  return organisations::urls::follow(slug);
}

// The digest's frequency (a form), and its section of the mail choices: what the person follows.
inline std::string digest() { return accounts::urls::account() + "/resume"; }
inline std::string followed() { return notifications::urls::notifications() + "#resume"; }
inline std::string digest_saved() { return notifications::urls::notifications() + "?fait=1#resume"; }

}  // namespace fabrique::follows::urls
