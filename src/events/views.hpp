// Pieces of HTML that several event pages share.
#pragma once
#include <string>
#include <vector>

#include "events/model.hpp"
#include "events/use_cases.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::events::views {

using html::Html;
using http::Context;

// "15 juin 2021, 14:00–16:00" (Paris), or both dates when the event spans several days.
std::string when(const Context& ctx, const Event& e);
// "(date to be confirmed)" or "(event cancelled)" after an event's date; nothing when confirmed.
Html status_note(const Context& ctx, const Event& e);
// A group of checkboxes sharing one name (coalitions, organisations, people), in a fieldset.
Html checkboxes(const Context& ctx, const std::string& name, const std::string& legend,
                const std::vector<fabrique::views::Option>& options, const std::vector<std::string>& checked,
                const FieldErrors& errors);
// A programme slot as its form sent it, and as the edit form shows a saved one.
SlotInput slot_input(const Context& ctx);
SlotInput slot_input(const Slot& s);

}  // namespace fabrique::events::views
