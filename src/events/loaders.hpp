// The loaders several pages share: each reads through the stores what one part of a page shows and
// returns its view model (events/view_models.hpp).
#pragma once
#include <cstdint>
#include <string>

#include "events/view_models.hpp"
#include "http/context.hpp"

namespace fabrique::events {

// The coalition's events, next steps and originating proposals (load_coalition_section.cpp).
CoalitionSection load_coalition_section(http::Context& ctx, std::int64_t coalition_id,
                                        const std::string& coalition_slug);
// The kinds, coalitions and organisations a programme slot may name, with the speaking
// organisations of `in` chosen in their picker (load_slot_choices.cpp).
SlotChoices load_slot_choices(http::Context& ctx, const SlotInput& in);
// The slot form's picker searched: the form comes back with what matches, nothing saved.
bool slot_picker_searched(const http::Context& ctx);
// The error of a slot form choosing more than one coalition in its picker, or none.
FieldErrors slot_picker_errors(const http::Context& ctx);

}  // namespace fabrique::events
