// Coalition pages: list, page, edit forms, booklet history and comparison, interest and roles, JSON.
#pragma once
#include "http/context.hpp"

namespace fabrique::coalitions::pages {

using http::Context;
using http::Response;

Response list(Context& ctx);               // GET /coalitions
Response list_json(Context& ctx);          // GET /coalitions.json?page=&per_page=&updated_since= (and the filters)
Response list_csv(Context& ctx);           // GET /coalitions.csv (the filters, every row)
Response show(Context& ctx);               // GET /coalitions/{slug}
Response show_json(Context& ctx);          // GET /coalitions/{slug}.json
Response new_form(Context& ctx);           // GET /coalitions/nouvelle
Response create(Context& ctx);             // POST /coalitions/nouvelle
Response edit_form(Context& ctx);          // GET /coalitions/{slug}/modifier
Response save_booklet(Context& ctx);       // POST /coalitions/{slug}/modifier
Response update_fields(Context& ctx);      // POST /coalitions/{slug}/fiche
Response history(Context& ctx);            // GET /coalitions/{slug}/historique
Response compare(Context& ctx);            // GET /coalitions/{slug}/historique/comparer?de=N&a=M
Response history_json(Context& ctx);       // GET /coalitions/{slug}/historique.json
Response show_revision(Context& ctx);      // GET /coalitions/{slug}/historique/{number:int}
Response revision_json(Context& ctx);      // GET /coalitions/{slug}/historique/{number:int}.json
Response restore(Context& ctx);            // POST /coalitions/{slug}/historique/{number:int}/restaurer
Response declare_interest(Context& ctx);   // POST /coalitions/{slug}/interet
Response withdraw_interest(Context& ctx);  // POST /coalitions/{slug}/interet/retirer
Response set_role(Context& ctx);           // POST /coalitions/{slug}/membres/{user:int}

}  // namespace fabrique::coalitions::pages
