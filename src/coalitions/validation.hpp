// Checks of a coalition's fields, shared by creation and update.
#pragma once
#include "coalitions/use_cases.hpp"

namespace fabrique::coalitions {

// Returns the coalition described by `in`, adding errors for bad fields. `self` is the coalition
// being edited (its own number is not a duplicate).
Coalition validate(storage::Connection& c, const CoalitionInput& in, FieldErrors& errors,
                   std::optional<std::int64_t> self);

}  // namespace fabrique::coalitions
