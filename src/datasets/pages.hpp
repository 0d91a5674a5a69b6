// The register of datasets' pages: the list with its filters, an entry's page, their JSON and CSV,
// the forms that add and edit entries, and the comparison of two revisions.
#pragma once
#include "http/context.hpp"

namespace fabrique::datasets::pages {

using http::Context;
using http::Response;

Response list(Context& ctx);       // GET /donnees?q=&territoire=&theme=&producteur=&format=&licence=
Response list_json(Context& ctx);  // GET /donnees.json, the same filters and ?page=&per_page=&updated_since=
Response list_csv(Context& ctx);   // GET /donnees.csv, the same filters
Response show(Context& ctx);       // GET /donnees/{slug}
Response show_json(Context& ctx);  // GET /donnees/{slug}.json
Response new_form(Context& ctx);   // GET /donnees/nouvelle
Response create(Context& ctx);     // POST /donnees/nouvelle
Response edit_form(Context& ctx);  // GET /donnees/{slug}/modifier
Response update(Context& ctx);     // POST /donnees/{slug}/modifier
Response compare(Context& ctx);
// The DCAT-AP catalogue, ?page=&per_page= (hydra paging): JSON-LD or Turtle as Accept asks
// (JSON-LD when it names neither), and each at its own address.
Response catalogue(Context& ctx);         // GET /donnees/catalogue
Response catalogue_jsonld(Context& ctx);  // GET /donnees/catalogue.jsonld
Response catalogue_turtle(
    Context& ctx);  // GET /donnees/catalogue.ttl     // GET /donnees/{slug}/historique/comparer?de=&a=

}  // namespace fabrique::datasets::pages
