// The observatory's addresses, written once: pages, templates, notifications, exports and redirects
// use these (the route table keeps its patterns).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::observatoire::urls {

// The scoreboard, its method section, its exports and the feed of changes.
inline std::string scoreboard() { return "/observatoire"; }
inline std::string method() { return scoreboard() + "#methode"; }
inline std::string scoreboard_json() { return scoreboard() + ".json"; }
inline std::string scoreboard_csv() { return scoreboard() + ".csv"; }
inline std::string changes_feed() { return scoreboard() + "/changements.atom"; }

// One entry and what is done with it.
inline std::string entry(std::string_view slug) { return scoreboard() + "/" + std::string(slug); }
inline std::string entry_json(std::string_view slug) { return entry(slug) + ".json"; }
inline std::string history(std::string_view slug) { return entry(slug) + "/historique"; }
inline std::string edit(std::string_view slug) { return entry(slug) + "/modifier"; }
inline std::string propose(std::string_view slug) { return entry(slug) + "/proposer"; }
inline std::string reply(std::string_view slug) { return entry(slug) + "/reponse"; }
inline std::string new_entry() { return scoreboard() + "/nouvelle"; }

// Contributions and their moderation.
inline std::string contributions() { return scoreboard() + "/contributions"; }
inline std::string contributions_sent() { return contributions() + "?envoyee=1"; }
inline std::string contribution(std::int64_t id) { return contributions() + "/" + std::to_string(id); }
inline std::string accept(std::int64_t id) { return contribution(id) + "/accepter"; }
inline std::string reject(std::int64_t id) { return contribution(id) + "/rejeter"; }

// The editors' role.
inline std::string editors() { return scoreboard() + "/editeurs"; }
inline std::string revoke_editor(std::int64_t user_id) {
  return editors() + "/" + std::to_string(user_id) + "/retirer";
}

// Public bodies.
inline std::string body(std::string_view slug) { return scoreboard() + "/organismes/" + std::string(slug); }
inline std::string body_organisation(std::string_view slug) { return body(slug) + "/organisation"; }

}  // namespace fabrique::observatoire::urls
