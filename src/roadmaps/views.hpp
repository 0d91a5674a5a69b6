// What the roadmap pages share besides their templates: reading the action form, the pager, the
// JSON and CSV answers, and the short names and decimal separator the charts use.
#pragma once
#include <string>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "http/context.hpp"
#include "roadmaps/matrix.hpp"
#include "roadmaps/model.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/view_models.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::roadmaps::views {

using html::Html;
using http::Context;

// The decimal separator of the reader's language.
inline char decimal(const Context& ctx) { return decimal_of(*ctx.t); }
// The JSON answer for an unknown address: 404 with {"error": "not found"}.
http::Response not_found_json(const Context& ctx);
// The page number asked for in ?page=, within 1..pages (1 when absent or not a number).
std::int64_t page_of(const Context& ctx, std::int64_t pages);
// Previous / "Page n of m" / next links; `base` ends where the page number goes. Empty for one page.
Html pager(const Context& ctx, const std::string& base, const std::string& fragment, std::int64_t page,
           std::int64_t pages);

// Short lever names for tables ("Commande", "Offre", "Usages").
inline std::string lever_short(const Context& ctx, std::string_view slug) { return short_lever(*ctx.t, slug); }
std::string iso_day(const std::optional<sys_seconds>& t);  // "2021-06-22" or ""

// The input of an action as the form shows it: from an action, or from the posted form.
ActionInput input_of(const Action& a);
ActionInput input_from_form(const Context& ctx);

}  // namespace fabrique::roadmaps::views
