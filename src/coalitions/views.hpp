// What several coalition pages write the same way: stage names, durations and public names.
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

}  // namespace fabrique::coalitions::views
