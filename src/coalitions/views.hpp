// Pieces of HTML that several coalition pages share.
#pragma once
#include <string>

#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "http/context.hpp"
#include "views/html.hpp"

namespace fabrique::coalitions::views {

using html::Html;
using http::Context;

std::string stage_label(const Context& ctx, std::string_view slug);
using coalitions::full_title;
// "12 days" / "12 jours"
std::string days(const Context& ctx, std::chrono::seconds span);
// How a person appears to the public: their name if they chose so, else their organisation.
std::string public_name(const Context& ctx, const std::string& name, const std::string& organisation);
struct CoalitionFormValues {
  std::string number, title, slug, summary, family, cohort, stage, animating_organisation;
  bool scale_local = false, scale_national = false, scale_european = false;
};
// The form fields of a coalition (number, title, family, cohort, stage, organisation, scales).
Html fields_form(Context& ctx, const std::string& action, const CoalitionFormValues& v,
                 const FieldErrors& errors, bool with_slug);

CoalitionFormValues values_of(const Coalition& k);
CoalitionFormValues values_from_form(const Context& ctx);

}  // namespace fabrique::coalitions::views
