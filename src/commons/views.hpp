// Pieces of HTML the commons pages share.
#pragma once
#include <string>
#include <vector>

#include "commons/model.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::commons::views {

using html::Html;
using http::Context;

// The links between the three parts of the commons, the current one marked.
Html subnav(const Context& ctx, std::string_view current);
std::string kind_label(const Context& ctx, std::string_view slug);
std::string outcome_label(const Context& ctx, std::string_view slug);
// "Coalition 8.a — Title"
std::string coalition_title(const CoalitionRef& k);
// The choices of the lists, for selects.
std::vector<fabrique::views::Option> kind_options(const Context& ctx);
std::vector<fabrique::views::Option> licence_options();
std::vector<fabrique::views::Option> outcome_options(const Context& ctx);
std::vector<fabrique::views::Option> coalition_options(const std::vector<CoalitionRef>& all);
// A status line for drafts ("Proposal awaiting publication"), empty when published.
Html draft_notice(const Context& ctx, Status s);
// The page number of ?page=, 1 when absent or not a number.
std::int64_t page_number(const Context& ctx);

}  // namespace fabrique::commons::views
