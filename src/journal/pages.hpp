// The journal's pages: the list of posts, a post, the form writing and editing one, their JSON and
// Atom feeds.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::journal::pages {

using http::Context;
using http::Response;

Response journal(Context& ctx);         // GET /journal?type=&coalition=&annee=&page=
Response journal_json(Context& ctx);    // GET /journal.json (same filters, page=&per_page=)
Response journal_atom(Context& ctx);    // GET /journal.atom
Response coalition_atom(Context& ctx);  // GET /journal/coalitions/{slug}.atom
Response new_post(Context& ctx);        // GET /journal/ecrire?coalition= or ?evenement= (a "Retour sur")
Response create_post(Context& ctx);     // POST /journal/ecrire (action=apercu|brouillon|publier)
Response post(Context& ctx);            // GET /journal/{slug}
Response post_json(Context& ctx);       // GET /journal/{slug}.json
Response edit_post(Context& ctx);       // GET /journal/{slug}/modifier
Response update_post(Context& ctx);     // POST /journal/{slug}/modifier (action=apercu|brouillon|publier)
Response compare_post(Context& ctx);    // GET /journal/{slug}/historique/comparer?de=&a=

// The latest posts published and visible (journal::kLatest), for the home page (nothing given), a
// coalition's page or an event's: one query. Nothing drawn when there are none, except, on an
// event's pages, the link writing a "Retour sur" it for those who may write.
struct LatestOf {
  std::optional<std::int64_t> coalition_id, event_id;
  std::string coalition_slug;  // the journal filtered by it, for "All the posts"
  std::string event_slug;      // the event a "Retour sur" would be about; empty before it has begun
};
html::Html latest(Context& ctx, const LatestOf& of);

}  // namespace fabrique::journal::pages
