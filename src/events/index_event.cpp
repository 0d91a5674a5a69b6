// Keeps an event's entries in the search index current: the event itself (type "event") and, once
// written, its minutes ("Retour sur …", type "minutes"). Called by the use cases that create and
// change events and minutes, inside their transaction, and by `fabrique search reindex`.
#include <string>

#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::events {

void index_event(storage::Connection& c, const Event& e) {
  // Events and their minutes are public pages. The occurrences of a series, or of a title that
  // recurs without one, are one result showing the next (the same key as migration 0030).
  search::index(c, {.type = "event",
                    .ref = e.slug,
                    .title = e.title,
                    .body = e.description + (e.place.empty() ? "" : "\n\n" + e.place),
                    .url = urls::event(e.slug),
                    .audience = search::Audience::everyone,
                    .updated_at = e.updated_at,
                    .group = e.series_id ? "series:" + std::to_string(*e.series_id) : "title:" + e.title,
                    .occurs_at = e.starts_at});
  if (e.minutes.empty())
    search::remove(c, "minutes", e.slug);
  else
    search::index(c, {"minutes", e.slug, "Retour sur " + e.title, e.minutes, urls::minutes(e.slug),
                      search::Audience::everyone, std::nullopt, std::nullopt, e.updated_at});
}

}  // namespace fabrique::events
