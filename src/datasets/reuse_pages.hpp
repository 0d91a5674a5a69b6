// The reuses' pages: their list with its filters, a reuse's page with its answers, their JSON and
// CSV, the forms that declare and edit a reuse, and a producer's data page.
#pragma once
#include "http/context.hpp"

namespace fabrique::datasets::pages {

using http::Context;
using http::Response;

Response reuses(Context& ctx);        // GET /donnees/reutilisations?type=&public=&jeu=&territoire=
Response reuses_json(Context& ctx);   // GET /donnees/reutilisations.json, the same filters and ?page=&per_page=
Response reuses_csv(Context& ctx);    // GET /donnees/reutilisations.csv, the same filters
Response reuse(Context& ctx);         // GET /donnees/reutilisations/{id}
Response reuse_json(Context& ctx);    // GET /donnees/reutilisations/{id}.json
Response new_reuse(Context& ctx);     // GET /donnees/reutilisations/nouvelle?jeu=SLUG
Response declare(Context& ctx);       // POST /donnees/reutilisations/nouvelle
Response edit_reuse(Context& ctx);    // GET /donnees/reutilisations/{id}/modifier
Response update_reuse(Context& ctx);  // POST /donnees/reutilisations/{id}/modifier
Response answer(Context& ctx);        // POST /donnees/reutilisations/{id}/reponse
Response producer(Context& ctx);      // GET /organisations/{slug}/donnees

}  // namespace fabrique::datasets::pages
