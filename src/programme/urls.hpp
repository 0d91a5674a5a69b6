// The programme's own addresses, written once: the home page and the language switch (the route
// table in http/routes.cpp keeps its patterns).
#pragma once
#include <string>
#include <string_view>

namespace fabrique::programme::urls {

inline std::string home() { return "/"; }
// The public registers gathered: the observatory, the data, the territories, the organisations.
inline std::string registers() { return "/registres"; }
// Switches to the language `code` ("fr", "en"); the caller adds "?retour=" and the encoded page.
// `language("")` is the prefix of every switch.
inline std::string language(std::string_view code) { return "/langue/" + std::string(code); }

}  // namespace fabrique::programme::urls
