// The data requests' pages: the list with its filters, a request with its "me too" and its answer,
// their JSON and CSV, and the form that asks.
#pragma once
#include "http/context.hpp"

namespace fabrique::datasets::request_pages {

using http::Context;
using http::Response;

Response list(Context& ctx);       // GET /donnees/demandes?q=&territoire=&theme=&statut=&pour=mon-organisation&page=
Response list_json(Context& ctx);  // GET /donnees/demandes.json, the same filters and ?page=&per_page=
Response list_csv(Context& ctx);   // GET /donnees/demandes.csv, the same filters
Response show(Context& ctx);       // GET /donnees/demandes/{id}
Response show_json(Context& ctx);  // GET /donnees/demandes/{id}.json
Response ask_form(Context& ctx);   // GET /donnees/demandes/nouvelle
Response ask(Context& ctx);        // POST /donnees/demandes/nouvelle
Response support(Context& ctx);    // POST /donnees/demandes/{id}/moi-aussi
Response withdraw(Context& ctx);   // POST /donnees/demandes/{id}/moi-aussi/retirer
Response answer(Context& ctx);     // POST /donnees/demandes/{id}/reponse

}  // namespace fabrique::datasets::request_pages
