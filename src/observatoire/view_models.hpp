// What the observatory pages show, read by each page's loader in one place and handed to its
// template (src/observatoire/templates/): plain values, no database, no request.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "common/errors.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/model.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/urls.hpp"
#include "views/forms.hpp"
#include "views/html.hpp"

namespace fabrique::observatoire {

// Blank rows offered under the existing items of a list of the entry form.
inline constexpr std::size_t kBlankRows = 2;

// What the observatory templates call to show a value.
namespace views {
// "27/50 — partial"
std::string axis_text(const i18n::Translator& t, int points);
// The label of a choice value in the page's language ("" stays "").
std::string choice_text(const i18n::Translator& t, std::string_view key, std::string_view value);
// The criterion label of the current rubric in the page's language, or the id.
std::string criterion_label(const i18n::Translator& t, std::string_view id);
// Choices as the options of a select, their labels translated.
std::vector<fabrique::views::Option> choice_options(const i18n::Translator& t, const std::vector<ChoiceDef>& choices);
// The levels of a criterion as the options of a select: "partial (4 points)".
std::vector<fabrique::views::Option> level_options(const i18n::Translator& t, const CriterionDef& c);
// The indices of the rows of a list of the entry form: those filled, then blank ones, up to the limit.
std::vector<std::size_t> form_rows(std::size_t filled);
}  // namespace views

}  // namespace fabrique::observatoire
