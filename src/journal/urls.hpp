// The journal's addresses, written once: pages, templates, feeds and redirects use these.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace fabrique::journal::urls {

inline std::string journal() { return "/journal"; }
inline std::string journal_json() { return "/journal.json"; }
inline std::string journal_feed() { return "/journal.atom"; }
// The posts linked to one coalition, as an Atom feed.
inline std::string coalition_feed(std::string_view coalition_slug) {
  return "/journal/coalitions/" + std::string(coalition_slug) + ".atom";
}
inline std::string new_post() { return "/journal/ecrire"; }
// The form started as a "Retour sur" the event: it, its coalitions, the minutes' decisions and next steps.
inline std::string retour_sur(std::string_view event_slug) {
  return new_post() + "?evenement=" + std::string(event_slug);
}
inline std::string post(std::string_view slug) { return "/journal/" + std::string(slug); }
inline std::string post_json(std::string_view slug) { return post(slug) + ".json"; }
inline std::string edit_post(std::string_view slug) { return post(slug) + "/modifier"; }
// The post, telling that the save just made was merged with revision `number`, saved meanwhile.
inline std::string post_after_merge(std::string_view slug, std::int64_t number) {
  return post(slug) + "?fusion=" + std::to_string(number);
}

}  // namespace fabrique::journal::urls
