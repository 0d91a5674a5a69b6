// Choosing datasets in a form: the one picker (views/picker.hpp) over the register.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "views/picker.hpp"

namespace fabrique::datasets {

// Every dataset as a picker offers it (key: its slug; detail: its producer), by title.
fabrique::views::Choices choices(storage::Connection& c);
// The picker of a form's field `name` (its legend the msgid `legend`): the datasets `keys` name,
// and what its words `query` match.
fabrique::views::Picker picker_of(storage::Connection& c, std::string_view name, const char* legend,
                                  const std::vector<std::string>& keys, std::string_view query);

}  // namespace fabrique::datasets
