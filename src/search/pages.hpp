// The search page: /recherche?q=…&type=…&page=…
#pragma once
#include "http/context.hpp"

namespace fabrique::search::pages {

http::Response search(http::Context& ctx);  // GET /recherche

}  // namespace fabrique::search::pages
