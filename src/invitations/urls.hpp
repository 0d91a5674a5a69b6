// The invitations' addresses, written once: pages, templates, mails and redirects use these (the
// route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "coalitions/urls.hpp"
#include "events/urls.hpp"
#include "invitations/model.hpp"

namespace fabrique::invitations::urls {

// The invitations of a coalition or an event: the form and the list.
inline std::string of_coalition(std::string_view slug) { return coalitions::urls::coalition(slug) + "/invitations"; }
inline std::string of_event(std::string_view slug) { return events::urls::event(slug) + "/invitations"; }
inline std::string of(Target target, std::string_view slug) {
  return target == Target::coalition ? of_coalition(slug) : of_event(slug);
}
// The coalition's form pre-filled from its booklet's "actors to involve".
inline std::string from_actors(std::string_view slug) { return of_coalition(slug) + "?depuis=acteurs"; }
// Where an accepted invitation leads.
inline std::string target(Target target, std::string_view slug) {
  return target == Target::coalition ? coalitions::urls::coalition(slug) : events::urls::event(slug);
}

inline std::string accept() { return "/invitations/accepter"; }
inline std::string accept_link(std::string_view token) { return accept() + "?jeton=" + std::string(token); }
inline std::string resend(std::int64_t id) { return "/invitations/" + std::to_string(id) + "/renvoyer"; }
inline std::string cancel(std::int64_t id) { return "/invitations/" + std::to_string(id) + "/annuler"; }

}  // namespace fabrique::invitations::urls
