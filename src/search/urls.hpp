// The search page's address, written once: the site's search form, the page's own form and its links
// (the route table in http/routes.cpp keeps its pattern).
#pragma once
#include <string>

namespace fabrique::search::urls {

// Its query string (q=, type=, page=) is added by the caller, encoded.
inline std::string search() { return "/recherche"; }

}  // namespace fabrique::search::urls
