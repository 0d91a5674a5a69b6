// The journal's pages: the list of posts, a post, the form writing and editing one, their JSON and
// Atom feeds.
#pragma once
#include "http/context.hpp"

namespace fabrique::journal::pages {

using http::Context;
using http::Response;

Response journal(Context& ctx);         // GET /journal?type=&coalition=&annee=&page=
Response journal_json(Context& ctx);    // GET /journal.json (same filters, page=&per_page=)
Response journal_atom(Context& ctx);    // GET /journal.atom
Response coalition_atom(Context& ctx);  // GET /journal/coalitions/{slug}.atom
Response new_post(Context& ctx);        // GET /journal/ecrire
Response create_post(Context& ctx);     // POST /journal/ecrire (action=apercu|brouillon|publier)
Response post(Context& ctx);            // GET /journal/{slug}
Response post_json(Context& ctx);       // GET /journal/{slug}.json
Response edit_post(Context& ctx);       // GET /journal/{slug}/modifier
Response update_post(Context& ctx);     // POST /journal/{slug}/modifier (action=apercu|brouillon|publier)
Response compare_post(Context& ctx);    // GET /journal/{slug}/historique/comparer?de=&a=

}  // namespace fabrique::journal::pages
