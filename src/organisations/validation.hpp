// Checks of organisation fields, shared by the create and update use cases.
#pragma once
#include <optional>

#include "common/errors.hpp"
#include "organisations/model.hpp"
#include "organisations/use_cases.hpp"
#include "storage/database.hpp"

namespace fabrique::organisations {

// Returns the organisation described by `in` (without id or slug), adding errors for bad fields.
// `self` is the id of the organisation being edited, so its own name is not a duplicate.
Organisation validate(storage::Connection& c, const OrganisationInput& in, FieldErrors& errors,
                      std::optional<std::int64_t> self);

// A slug from `name` not used by any other organisation ("name", "name-2", …).
std::string unique_slug(storage::Connection& c, const std::string& name);

}  // namespace fabrique::organisations
