// Decisions pages: the list, the opening form, a decision with its answers and result, as HTML and
// JSON; and the short list of decisions shown on what they are about.
#pragma once
#include "decisions/store.hpp"
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::decisions::pages {

using http::Context;
using http::Response;

Response decisions(Context& ctx);        // GET /decisions?groupe=&etat=
Response decisions_json(Context& ctx);   // GET /decisions.json (same filters), ?page=&per_page=&updated_since=
Response new_decision(Context& ctx);     // GET /decisions/nouvelle?sujet=charter:N|coalition:SLUG|action:ID
Response create_decision(Context& ctx);  // POST /decisions/nouvelle
Response decision(Context& ctx);         // GET /decisions/{id:int}
Response decision_json(Context& ctx);    // GET /decisions/{id:int}.json
Response answer(Context& ctx);           // POST /decisions/{id:int}/repondre
Response close(Context& ctx);            // POST /decisions/{id:int}/cloturer

// The "Decisions" section of a page about something decisions decide: those in `about` (its
// charter_version_id, about_coalition_id or action_id set), with a link opening one about it
// (`subject`: "charter:N", "coalition:SLUG", "action:ID") for those who may: the animateurs, and
// the co-porteurs of `coalition_id` (the coalition, or the action's). Nothing when there is none
// and the person may not open one.
html::Html about(Context& ctx, store::Filter about, const std::string& subject,
                 std::optional<std::int64_t> coalition_id = std::nullopt);

}  // namespace fabrique::decisions::pages
