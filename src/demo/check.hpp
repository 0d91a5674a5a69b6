// The demo's data is part of the program: a field error a use case returns for it means the demo's
// tables are wrong, not the user. Shared by the files that load each part of the demo.
#pragma once
#include <string>

#include "common/errors.hpp"

namespace fabrique::demo {

// Throws std::runtime_error naming `what` and every field's message.
[[noreturn]] void data_error(const std::string& what, const FieldErrors& errors);
// data_error when `errors` holds any.
void check(const std::string& what, const FieldErrors& errors);

}  // namespace fabrique::demo
