// Loads the events section of a coalition's page: its events, the next steps decided for it at
// events, and the proposals it came from.
#include "events/loaders.hpp"
#include "events/store.hpp"

namespace fabrique::events {

CoalitionSection load_coalition_section(http::Context& ctx, std::int64_t coalition_id,
                                        const std::string& coalition_slug) {
  store::Filter f;
  f.coalition_id = coalition_id;
  f.counts = false;  // the cards do not show them: a registration does not render the coalition's page again
  return {.coalition_slug = coalition_slug,
          .events = store::list(ctx.db, f),
          .next_steps = store::next_steps_of_coalition(ctx.db, coalition_id),
          .origins = store::proposals_of_coalition(ctx.db, coalition_id)};
}

}  // namespace fabrique::events
