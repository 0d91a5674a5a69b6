// The search page: /recherche?q=…&type=…&page=…
#pragma once
#include "http/context.hpp"

namespace fabrique::search::pages {

http::Response search(http::Context& ctx);       // GET /recherche
http::Response search_json(http::Context& ctx);  // GET /recherche.json: the same results as data

}  // namespace fabrique::search::pages
