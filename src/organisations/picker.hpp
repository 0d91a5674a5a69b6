// Choosing organisations in a form: the one picker (views/picker.hpp) over every organisation.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "views/picker.hpp"

namespace fabrique::organisations {

// Every organisation as a picker offers it (key: its slug), by name.
fabrique::views::Choices choices(storage::Connection& c);
// The picker of a form's field `name` (its legend the msgid `legend`) over `offered` (some of
// `choices`): the organisations `keys` name, and what its words `query` match…
fabrique::views::Picker picker_of(const std::vector<fabrique::views::Choice>& offered, std::string_view name,
                                  const char* legend, const std::vector<std::string>& keys, std::string_view query);
// …and over every organisation.
fabrique::views::Picker picker_of(storage::Connection& c, std::string_view name, const char* legend,
                                  const std::vector<std::string>& keys, std::string_view query);

}  // namespace fabrique::organisations
