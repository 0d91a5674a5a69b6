// Choosing coalitions in a form: the one picker (views/picker.hpp) over coalitions.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "views/picker.hpp"

namespace fabrique::coalitions {

// Every coalition as a picker offers it (key: its slug; "12 — Its title"), by number; shared.
fabrique::views::Choices choices(storage::Connection& c);
// The picker of a form's field `name` (its legend the msgid `legend`) over `offered` (some of
// `choices`): the coalitions `keys` name, and what its words `query` match.
fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query);

}  // namespace fabrique::coalitions
