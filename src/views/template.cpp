// The escaping functions behind template slots (views/template.hpp).
#include "views/template.hpp"

#include <cctype>

namespace fabrique::html::tpl {

void slot(Out& o, double d) { fmt::format_to(std::back_inserter(o.s), "{}", d); }

namespace {

bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

// A URL is safe to follow when it has no scheme (a path, a query, a fragment, a relative
// reference) or an http, https or mailto one.
bool safe_url(std::string_view url) {
  std::size_t colon = url.find(':');
  std::size_t stop = url.find_first_of("/?#");
  if (colon == std::string_view::npos || (stop != std::string_view::npos && stop < colon)) return true;
  return starts_with_nocase(url, "http:") || starts_with_nocase(url, "https:") || starts_with_nocase(url, "mailto:");
}

}  // namespace

void url_start(Out& o, std::string_view url) {
  // Browsers drop leading spaces and control characters before reading the scheme.
  std::size_t b = 0;
  while (b < url.size() && static_cast<unsigned char>(url[b]) <= 0x20) ++b;
  if (!safe_url(url.substr(b))) {
    o.s += "#unsafe-url";
    return;
  }
  escape_to(o.s, url);
}

void url_part(Out& o, std::string_view part) { o.s += url_encode(part); }

}  // namespace fabrique::html::tpl
