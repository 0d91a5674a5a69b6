// The roadmap and impact pages: a coalition's roadmap, its actions with their history, its impact
// indicators, the programme-wide roadmap and the programme dashboard, with their JSON and CSV.
#pragma once
#include <map>
#include <optional>
#include <vector>

#include "coalitions/model.hpp"
#include "http/context.hpp"
#include "roadmaps/model.hpp"
#include "views/html.hpp"

namespace fabrique::roadmaps::pages {

using http::Context;
using http::Response;

// roadmap_pages.cpp
Response coalition_roadmap(Context& ctx);       // GET /coalitions/{slug}/feuille-de-route
Response coalition_roadmap_json(Context& ctx);  // GET /coalitions/{slug}/feuille-de-route.json
Response create_action(Context& ctx);           // POST /coalitions/{slug}/feuille-de-route
Response show_action(Context& ctx);             // GET /coalitions/{slug}/feuille-de-route/{id}
Response action_json(Context& ctx);             // GET /coalitions/{slug}/feuille-de-route/{id}.json
Response update_action(Context& ctx);           // POST /coalitions/{slug}/feuille-de-route/{id}
Response next_step_action_form(Context& ctx);   // GET /evenements/{slug}/compte-rendu/elements/{id}/action
Response action_from_next_step(Context& ctx);   // POST /evenements/{slug}/compte-rendu/elements/{id}/action
Response action_history(Context& ctx);          // GET /coalitions/{slug}/feuille-de-route/{id}/historique?de=&a=
Response action_history_json(Context& ctx);     // GET /coalitions/{slug}/feuille-de-route/{id}/historique.json
Response restore_action(Context& ctx);          // POST …/feuille-de-route/{id}/historique/{number}/restaurer
// programme_pages.cpp
Response programme_roadmap(Context& ctx);  // GET /feuille-de-route (filters in the query)
Response programme_roadmap_csv(Context& ctx);
Response programme_roadmap_json(Context& ctx);
// impact_pages.cpp
Response impact(Context& ctx);  // GET /coalitions/{slug}/impact
Response impact_json(Context& ctx);
Response create_indicator(Context& ctx);    // POST /coalitions/{slug}/impact
Response record_measurement(Context& ctx);  // POST /coalitions/{slug}/impact/mesures
Response measurements_csv(Context& ctx);    // GET /coalitions/{slug}/impact/{id}/mesures.csv
// indicator_pages.cpp
Response show_indicator(Context& ctx);       // GET /coalitions/{slug}/impact/{id}
Response indicator_json(Context& ctx);       // GET /coalitions/{slug}/impact/{id}.json
Response update_indicator(Context& ctx);     // POST /coalitions/{slug}/impact/{id}
Response restore_indicator(Context& ctx);    // POST …/impact/{id}/historique/{number}/restaurer
Response show_measurement(Context& ctx);     // GET /coalitions/{slug}/impact/{id}/mesures/{measure}
Response correct_measurement(Context& ctx);  // POST /coalitions/{slug}/impact/{id}/mesures/{measure}
Response remove_measurement(Context& ctx);   // POST /coalitions/{slug}/impact/{id}/mesures/{measure}/suppression
// dashboard_pages.cpp
Response dashboard(Context& ctx);  // GET /tableau-de-bord
Response dashboard_json(Context& ctx);
Response dashboard_csv(Context& ctx);  // GET /tableau-de-bord/{table}.csv

// For the minutes page: beside next step `next_step_id` of coalition `coalition_id`, "became action
// X" when it was turned into one (found in `made`), else the button that turns it into an action
// when the reader may create actions there (`can_create` caches the permission per coalition).
html::Html next_step_action(Context& ctx, const std::string& event_slug, std::int64_t next_step_id,
                            std::optional<std::int64_t> coalition_id, const std::vector<ActionFromStep>& made,
                            std::map<std::int64_t, bool>& can_create);

}  // namespace fabrique::roadmaps::pages
