// Loads what a programme slot's form offers to choose from: the slot kinds, the coalitions and the
// speaking organisations.
#include "coalitions/store.hpp"
#include "events/loaders.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"

namespace fabrique::events {

using i18n::N_;

SlotChoices load_slot_choices(http::Context& ctx, const SlotInput& in) {
  SlotChoices choices;
  for (const auto& k : kSlotKinds) choices.kinds.push_back({k.slug, ctx.tr(k.label)});
  for (const auto& k : coalitions::store::list(ctx.db))
    choices.coalitions.push_back({k.slug, k.number + " — " + k.title});
  choices.organisations = organisations::picker_of(ctx.db, "speaker_organisations", N_("Speaking organisations"),
                                                   in.organisations, ctx.form.get("speaker_organisations_q"));
  return choices;
}

bool slot_picker_searched(const http::Context& ctx) { return !ctx.form.get("speaker_organisations_q").empty(); }

}  // namespace fabrique::events
