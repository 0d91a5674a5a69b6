// Structured log lines (logfmt) on standard error: one line per event, values quoted when needed.
#pragma once
#include <initializer_list>
#include <string_view>
#include <utility>

namespace fabrique::log {

using Field = std::pair<std::string_view, std::string_view>;

// Writes `level=info msg=... k=v ...` as one line, atomically with respect to other threads.
// Never pass a secret (password, token, cookie) as a field.
void info(std::string_view message, std::initializer_list<Field> fields = {});
void error(std::string_view message, std::initializer_list<Field> fields = {});

// Quiets info lines (tests); errors are always written.
void set_quiet(bool quiet);

}  // namespace fabrique::log
