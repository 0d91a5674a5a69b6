// Organisation pages: the public list and page, and the forms to add and edit organisations and kinds.
#pragma once
#include "http/context.hpp"

namespace fabrique::organisations::pages {

using http::Context;
using http::Response;

Response list(Context& ctx);       // GET /organisations
Response show(Context& ctx);       // GET /organisations/{slug}
Response list_json(Context& ctx);  // GET /organisations.json?type=&page=&per_page=&updated_since=
Response list_csv(Context& ctx);   // GET /organisations.csv?type=
Response show_json(Context& ctx);  // GET /organisations/{slug}.json
Response new_form(Context& ctx);   // GET /organisations/nouvelle
Response create(Context& ctx);     // POST /organisations/nouvelle
Response edit_form(Context& ctx);  // GET /organisations/{slug}/modifier
Response update(Context& ctx);     // POST /organisations/{slug}/modifier

}  // namespace fabrique::organisations::pages
