// Loads what a programme slot's form offers to choose from: the slot kinds, the speaking
// organisations and the coalition, both in their pickers.
#include "coalitions/picker.hpp"
#include "events/loaders.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"

namespace fabrique::events {

using i18n::N_;
namespace fv = fabrique::views;

SlotChoices load_slot_choices(http::Context& ctx, const SlotInput& in) {
  SlotChoices choices;
  for (const auto& k : kSlotKinds) choices.kinds.push_back({k.slug, ctx.tr(k.label)});
  choices.organisations = organisations::picker_of(ctx.db, "speaker_organisations", N_("Speaking organisations"),
                                                   in.organisations, ctx.form.get("speaker_organisations_q"));
  // A form sent keeps what its picker ticked (two are refused next to it); a slot opened, its coalition.
  choices.coalition = coalitions::picker_of(
      *coalitions::choices(ctx.db), "slot_coalition", N_("Coalition"),
      fv::picked(ctx.form.has("slot_coalition_q") ? ctx.form.all("slot_coalition") : std::vector{in.coalition}),
      ctx.form.get("slot_coalition_q"));
  return choices;
}

bool slot_picker_searched(const http::Context& ctx) {
  return !ctx.form.get("speaker_organisations_q").empty() || !ctx.form.get("slot_coalition_q").empty();
}

FieldErrors slot_picker_errors(const http::Context& ctx) {
  FieldErrors errors;
  fv::one_at_most(errors, "slot_coalition", ctx.form.all("slot_coalition"), N_("Choose one coalition at most."));
  return errors;
}

}  // namespace fabrique::events
