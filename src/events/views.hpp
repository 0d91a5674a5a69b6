// Pieces of HTML that several event pages share, and the events section of a coalition's page.
#pragma once
#include <string>
#include <vector>

#include "events/model.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::events::views {

using html::Html;
using http::Context;

// "15 juin 2021, 14:00–16:00" (Paris), or both dates when the event spans several days.
std::string when(const Context& ctx, const Event& e);
// One event in a list: title link, kind, date, place, coalitions.
Html card(const Context& ctx, const Event& e);
// A group of checkboxes sharing one name (coalitions, organisations, people), in a fieldset.
Html checkboxes(const Context& ctx, const std::string& name, const std::string& legend,
                const std::vector<fabrique::views::Option>& options, const std::vector<std::string>& checked,
                const FieldErrors& errors);
// The label of a slot kind, translated.
std::string slot_kind_label(const Context& ctx, std::string_view slug);
// The coalition page's section: the coalition's events, its next steps from minutes, and where it
// was proposed and presented if it came from a proposal. Called by coalitions/show_pages.cpp.
Html coalition_section(Context& ctx, std::int64_t coalition_id, const std::string& coalition_slug);

}  // namespace fabrique::events::views
