// Pieces of HTML that several observatory pages share: the entry form, scores and bands.
#pragma once
#include <string>

#include "common/errors.hpp"
#include "http/context.hpp"
#include "observatoire/model.hpp"
#include "views/html.hpp"

namespace fabrique::observatoire::views {

using html::Html;
using http::Context;

// The whole entry as form fields: the four groups of fields, data sources, impact assessments and,
// when `with_evidence`, the evidence of every criterion of the rubric.
Html document_fields(Context& ctx, const Document& d, const FieldErrors& errors, bool with_evidence);
// The document the entry form sent.
Document document_from_form(const Context& ctx);

// "27/50 — partial"
std::string axis_text(const Context& ctx, int points);
// The score box of an entry: both axes with their bands and the rubric version.
Html score_summary(const Context& ctx, const Score& s);
// The label of a choice value in the user's language ("" stays "").
std::string choice_text(const Context& ctx, std::string_view key, std::string_view value);
// The criterion label of the current rubric in the user's language, or the id.
std::string criterion_label(const Context& ctx, std::string_view id);

}  // namespace fabrique::observatoire::views
