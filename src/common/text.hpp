// Text helpers shared by every module: trimming, UTF-8 checks, lower-casing, slugs.
#pragma once
#include <string>
#include <string_view>

namespace fabrique::text {

std::string trim(std::string_view s);
// True when `s` is well-formed UTF-8 with no control characters other than tab/newline.
bool valid_utf8(std::string_view s, bool allow_newlines = true);
// Number of code points (for length limits that speak in characters).
std::size_t length(std::string_view utf8);
// Lower-cases ASCII letters and the accented Latin letters used in French.
std::string lower(std::string_view utf8);
// Removes French accents ("é" → "e", "œ" → "oe") and lower-cases: for slugs and comparisons.
std::string fold(std::string_view utf8);
// "Collectivité de Paris" → "collectivite-de-paris"; at most 60 characters; "" if nothing is left.
std::string slugify(std::string_view utf8);
// A plausible e-mail address: one @, something on each side, a dot in the domain, no spaces.
bool looks_like_email(std::string_view s);
// An http(s) URL with a host.
bool looks_like_web_address(std::string_view s);

}  // namespace fabrique::text
