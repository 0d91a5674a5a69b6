// Loads what a programme slot's form offers to choose from: the slot kinds, the coalitions and the
// speaking organisations.
#include "coalitions/store.hpp"
#include "events/loaders.hpp"
#include "organisations/store.hpp"

namespace fabrique::events {

SlotChoices load_slot_choices(http::Context& ctx) {
  SlotChoices choices;
  for (const auto& k : kSlotKinds) choices.kinds.push_back({k.slug, ctx.tr(k.label)});
  for (const auto& k : coalitions::store::list(ctx.db))
    choices.coalitions.push_back({k.slug, k.number + " — " + k.title});
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt))
    choices.organisations.push_back({o.slug, o.name});
  return choices;
}

}  // namespace fabrique::events
