// Numbers sent in forms and query strings, read strictly: the whole field is the number or it is
// not one. "1 OR 1=1", "12abc", "0x10" and "1e308" are refused, never cut short or overflowed.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace fabrique::numbers {

// Identifiers, revision numbers and versions a form may send: from 0 to 2^53 − 1, more than any site
// reaches and exactly what a double (JSON, charts) holds.
inline constexpr std::int64_t kMaxId = 9'007'199'254'740'991;
// Page numbers of lists (?page=): 1 to 1,000,000.
inline constexpr std::int64_t kMaxPage = 1'000'000;
// Values of impact indicators (baseline, target, measurements): −10^12 to 10^12, so that sums,
// differences and chart scales stay finite and exact to the cent.
inline constexpr double kMaxMeasure = 1e12;

// A whole number: an optional '-' then ASCII digits, with spaces or tabs around it and nothing
// else; nullopt when it is not one or lies outside [min, max].
std::optional<std::int64_t> whole(std::string_view text, std::int64_t min, std::int64_t max);

// A decimal number as people type it: an optional '-', digits that may be grouped by spaces
// ("1 200"), and a decimal point or comma ("3,5"); no exponent, no infinity. nullopt when it is
// not one or lies outside [min, max].
std::optional<double> decimal(std::string_view text, double min, double max);

}  // namespace fabrique::numbers
