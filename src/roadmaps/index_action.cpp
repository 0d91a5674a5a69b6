// Keeps an action's entry in the search index (type "action") current: called by the use cases that
// create and change actions, inside their transaction, and by `fabrique search reindex`.
#include "roadmaps/urls.hpp"
#include "roadmaps/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::roadmaps {

void index_action(storage::Connection& c, const Action& a, std::string_view coalition_slug) {
  // A roadmap is public, like the coalition page it belongs to: so are its actions.
  search::index(c, {"action", std::to_string(a.id), a.title, a.description, urls::action(coalition_slug, a.id),
                    search::Audience::everyone, std::nullopt, a.coalition_id, a.updated_at});
}

}  // namespace fabrique::roadmaps
