// What the commons pages share: labels and choices, the page holding one form, and the pages
// about revisions (comparison, refused restore).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "commons/model.hpp"
#include "commons/view_models.hpp"
#include "http/context.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"
#include "views/revisions.hpp"

namespace fabrique::commons::views {

using html::Html;
using http::Context;

std::string kind_label(const Context& ctx, std::string_view slug);
std::string outcome_label(const Context& ctx, std::string_view slug);
using commons::coalition_title;
// The choices of the lists, for selects.
std::vector<fabrique::views::Option> kind_options(const Context& ctx);
std::vector<fabrique::views::Option> licence_options();
std::vector<fabrique::views::Option> outcome_options(const Context& ctx);

// --- What the resource and card pages share: list filters, forms, histories.

// An integer form field or query parameter, `fallback` when absent or not a number.
std::int64_t integer_field(const std::string& value, std::int64_t fallback);

// The history of the thing at `base` from its revisions (newest first), `current` being in force.
template <class Revision>
History history(std::string base, const std::vector<Revision>& revisions, std::int64_t current, bool can_restore) {
  History h{.base = std::move(base), .lines = {}, .current = current, .can_restore = can_restore};
  for (const auto& v : revisions) {
    h.lines.push_back({v.number, v.created_at, v.author_name});
    if constexpr (requires { v.merged_with; }) h.lines.back().merged_with = v.merged_with;
  }
  return h;
}

// The page holding one form (templates::Form in shared.html).
http::Response form_page(Context& ctx, const FormPage& p, const FieldErrors& errors, int status);

// One field of two revisions, as stored (labels translated, values as shown).
using fabrique::views::FieldChange;
// The page comparing revision `from` with revision `to` of the thing at `base` called `name`, word
// by word, only the fields that differ.
http::Response compare_page(Context& ctx, const std::string& base, const std::string& name, std::int64_t from,
                            std::int64_t to, const std::vector<FieldChange>& fields);
// The 400 page for a comparison of revisions that do not exist.
http::Response no_such_revisions(Context& ctx, const std::string& base);
// The page answering a restore that wrote nothing: 409 after a conflict, 422 when the old revision
// is no longer accepted (its errors listed).
http::Response restore_refused(Context& ctx, const std::string& base, bool conflict, const FieldErrors& errors);

}  // namespace fabrique::commons::views
