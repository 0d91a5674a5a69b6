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
// One event in a list: title link, kind, date, place, coalitions.
Html card(const Context& ctx, const Event& e);
// A group of checkboxes sharing one name (coalitions, organisations, people), in a fieldset.
Html checkboxes(const Context& ctx, const std::string& name, const std::string& legend,
                const std::vector<fabrique::views::Option>& options, const std::vector<std::string>& checked,
                const FieldErrors& errors);
// The speakers of a slot: organisations as links to their pages; people by name where they consented
// (organisers see every name, marked when it is not public), otherwise "a speaker from <their
// organisation>" or nothing; then the outside speakers' free text.
Html speakers(const Context& ctx, const Slot& s, bool organiser);
// The same as plain text, as the public sees it (for iCalendar).
std::string speakers_text(const Context& ctx, const Slot& s);
// The label of a slot kind, translated.
std::string slot_kind_label(const Context& ctx, std::string_view slug);
// A programme slot as its form sent it, and as the edit form shows a saved one.
SlotInput slot_input(const Context& ctx);
SlotInput slot_input(const Slot& s);

}  // namespace fabrique::events::views
