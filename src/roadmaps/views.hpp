// What the roadmap pages share: labels of the fixed lists, reading the action form, and the pieces
// of HTML not yet drawn by their page's template (the table of actions, the indicator and
// measurement fields), drawn by the templates of src/roadmaps/templates/.
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

// The translated label of a slug of `list`, or the slug itself when unknown.
template <std::size_t N>
std::string label(const Context& ctx, const std::array<Choice, N>& list, std::string_view slug) {
  return choice_label(*ctx.t, list, slug);
}
// The entries of a fixed list as form options (value: slug, label: translated).
template <std::size_t N>
std::vector<fabrique::views::Option> options(const Context& ctx, const std::array<Choice, N>& list) {
  return choice_options(*ctx.t, list);
}
// The decimal separator of the reader's language.
inline char decimal(const Context& ctx) { return decimal_of(*ctx.t); }
// The JSON answer for an unknown address: 404 with {"error": "not found"}.
http::Response not_found_json(const Context& ctx);
// A CSV download named `filename` (common/csv.hpp's writer: BOM, CRLF, quoting).
http::Response csv_response(std::string body, const std::string& filename);
// The page number asked for in ?page=, within 1..pages (1 when absent or not a number).
std::int64_t page_of(const Context& ctx, std::int64_t pages);
// Previous / "Page n of m" / next links; `base` ends where the page number goes. Empty for one page.
Html pager(const Context& ctx, const std::string& base, const std::string& fragment, std::int64_t page,
           std::int64_t pages);

// Short lever names for tables ("Commande", "Offre", "Usages").
inline std::string lever_short(const Context& ctx, std::string_view slug) { return short_lever(*ctx.t, slug); }
inline std::string day(const Context& ctx, const std::optional<sys_seconds>& t) { return day_text(*ctx.t, t); }
std::string iso_day(const std::optional<sys_seconds>& t);  // "2021-06-22" or ""

// The input of an action as the form shows it: from an action, or from the posted form.
ActionInput input_of(const Action& a);
ActionInput input_from_form(const Context& ctx);

// The fields of the indicator form (define or edit), and of the measurement form (record or
// correct), with the person's values and errors next to each field.
Html indicator_fields(const Context& ctx, const IndicatorInput& v, const FieldErrors& errors);
Html measurement_fields(const Context& ctx, const MeasurementInput& v, const FieldErrors& errors);

// A table of actions; `with_coalition` adds the coalition column (programme-wide roadmap).
Html actions_table(const Context& ctx, const std::vector<Action>& actions, bool with_coalition);

}  // namespace fabrique::roadmaps::views
