// Strict reading of the numbers of forms and query strings (see numbers.hpp).
#include "common/numbers.hpp"

#include <charconv>
#include <cmath>
#include <string>

namespace fabrique::numbers {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_digit(char ch) { return ch >= '0' && ch <= '9'; }

}  // namespace

std::optional<std::int64_t> whole(std::string_view text, std::int64_t min, std::int64_t max) {
  text = trimmed(text);
  // from_chars alone would stop at the first non-digit and read "1 OR 1=1" as 1.
  const std::size_t digits_from = !text.empty() && text.front() == '-' ? 1 : 0;
  if (text.size() == digits_from || text.size() > 20) return std::nullopt;
  for (std::size_t i = digits_from; i < text.size(); ++i)
    if (!is_digit(text[i])) return std::nullopt;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) return std::nullopt;
  return value;
}

std::optional<double> decimal(std::string_view text, double min, double max) {
  text = trimmed(text);
  std::string compact;
  bool separator = false, digits = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (is_digit(ch)) {
      compact += ch;
      digits = true;
    } else if (ch == ' ' && i > 0 && is_digit(text[i - 1]) && i + 1 < text.size() && is_digit(text[i + 1])) {
      continue;  // "1 200", as people group digits
    } else if ((ch == '.' || ch == ',') && !separator) {
      compact += '.';  // French decimal comma
      separator = true;
    } else if (ch == '-' && i == 0) {
      compact += ch;
    } else {
      return std::nullopt;
    }
  }
  if (!digits || compact.size() > 40) return std::nullopt;
  double value = 0;
  auto [end, ec] = std::from_chars(compact.data(), compact.data() + compact.size(), value, std::chars_format::fixed);
  if (ec != std::errc() || end != compact.data() + compact.size() || !std::isfinite(value) || value < min ||
      value > max)
    return std::nullopt;
  return value;
}

}  // namespace fabrique::numbers
