// The newsletters' addresses, written once: pages, templates, mails and redirects use these (the
// route table in http/routes.cpp keeps its patterns).
#pragma once
#include <cstdint>
#include <string>

#include "journal/urls.hpp"

namespace fabrique::newsletters::urls {

inline std::string letters() { return journal::urls::journal() + "/lettres"; }
inline std::string letters_json() { return letters() + ".json"; }
inline std::string compose() { return letters() + "/ecrire"; }
// The web version of a sent newsletter.
inline std::string letter(std::int64_t id) { return letters() + "/" + std::to_string(id); }
inline std::string letter_json(std::int64_t id) { return letter(id) + ".json"; }
inline std::string letter_sent(std::int64_t id) { return letter(id) + "?fait=envoi"; }

}  // namespace fabrique::newsletters::urls
