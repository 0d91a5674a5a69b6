// The roadmaps' addresses, written once: pages, templates and redirects use these (the route table
// keeps its patterns, src/http/routes.cpp).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::roadmaps::urls {

// The coalition page the roadmap and impact pages lead back to.
inline std::string coalition(std::string_view slug) { return "/coalitions/" + std::string(slug); }

// A coalition's roadmap and its actions.
inline std::string roadmap(std::string_view slug) { return coalition(slug) + "/feuille-de-route"; }
inline std::string roadmap_json(std::string_view slug) { return roadmap(slug) + ".json"; }
inline std::string action(std::string_view slug, std::int64_t id) { return roadmap(slug) + "/" + std::to_string(id); }
inline std::string action_history(std::string_view slug, std::int64_t id) { return action(slug, id) + "/historique"; }

// A coalition's impact: its indicators and their measurements.
inline std::string impact(std::string_view slug) { return coalition(slug) + "/impact"; }
inline std::string impact_json(std::string_view slug) { return impact(slug) + ".json"; }
inline std::string measurements(std::string_view slug) { return impact(slug) + "/mesures"; }
// The indicator's section on the impact page.
inline std::string indicator_section(std::string_view slug, std::int64_t id) {
  return impact(slug) + "#indicateur-" + std::to_string(id);
}
inline std::string indicator(std::string_view slug, std::int64_t id) { return impact(slug) + "/" + std::to_string(id); }
inline std::string measurements_csv(std::string_view slug, std::int64_t id) {
  return indicator(slug, id) + "/mesures.csv";
}
inline std::string measurement(std::string_view slug, std::int64_t id, std::int64_t measure) {
  return indicator(slug, id) + "/mesures/" + std::to_string(measure);
}

// The programme-wide roadmap and dashboard; `query` is the filters' query string, without "?".
inline std::string programme_roadmap() { return "/feuille-de-route"; }
// The programme roadmap filtered on one coalition (slugs need no encoding).
inline std::string programme_roadmap_of(std::string_view coalition_slug) {
  return programme_roadmap() + "?coalition=" + std::string(coalition_slug);
}
inline std::string programme_roadmap_csv(std::string_view query) {
  return "/feuille-de-route.csv?" + std::string(query);
}
inline std::string programme_roadmap_json(std::string_view query) {
  return "/feuille-de-route.json?" + std::string(query);
}
inline std::string dashboard() { return "/tableau-de-bord"; }
inline std::string dashboard_json() { return dashboard() + ".json"; }
// One of the dashboard's tables as CSV: "etapes", "actions" or "coalitions".
inline std::string dashboard_csv(std::string_view table) { return dashboard() + "/" + std::string(table) + ".csv"; }

// Turning a next step of an event's minutes into an action, and the minutes it comes from.
inline std::string minutes(std::string_view event_slug) {
  return "/evenements/" + std::string(event_slug) + "/compte-rendu";
}
inline std::string action_from_next_step(std::string_view event_slug, std::int64_t next_step_id) {
  return minutes(event_slug) + "/elements/" + std::to_string(next_step_id) + "/action";
}

}  // namespace fabrique::roadmaps::urls
