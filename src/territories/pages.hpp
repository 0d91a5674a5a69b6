// The territories' pages and their JSON (routes in src/http/routes.cpp).
#pragma once
#include "http/context.hpp"

namespace fabrique::territories::pages {

using http::Context;
using http::Response;

Response list(Context& ctx);       // GET /territoires?q=
Response list_json(Context& ctx);  // GET /territoires.json?q=
Response show(Context& ctx);       // GET /territoires/{key}?page=
Response show_json(Context& ctx);  // GET /territoires/{key}.json

}  // namespace fabrique::territories::pages
