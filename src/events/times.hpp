// Event times are typed and shown in Europe/Paris and stored as UTC instants; this is the one place
// that converts between the two (Howard Hinnant's tz library), daylight-saving changes included.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace fabrique::events::times {

using std::chrono::sys_seconds;

enum class ParseError { none, malformed, nonexistent };

// "2026-12-15T14:00" (an <input type="datetime-local"> value; "2026-12-15 14:00" too), read as
// Paris time. A time skipped by the spring change is `nonexistent`; a time that happens twice in
// autumn is taken at its first occurrence.
std::optional<sys_seconds> parse_paris(std::string_view text, ParseError* error = nullptr);
// "2026-12-15" at 00:00 Paris (for "by when" dates).
std::optional<sys_seconds> parse_paris_date(std::string_view text);
// The value of a datetime-local input: "2026-12-15T14:00" in Paris.
std::string input_value(sys_seconds t);
// "2026-12-15"
std::string date_value(sys_seconds t);
// "14:00"
std::string hour(sys_seconds t);
// Paris wall-clock time → UTC instant (the same rule as parse_paris).
std::optional<sys_seconds> from_paris(int y, unsigned m, unsigned d, int hour, int minute);

}  // namespace fabrique::events::times
