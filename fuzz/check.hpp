// What every fuzz target uses to state an invariant: a broken one aborts with its reason, which libFuzzer reports.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace fabrique::fuzz {

// Unlike assert(), also checked in builds with NDEBUG: the invariant is what the target is for.
inline void check(bool ok, std::string_view what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant broken: %.*s\n", static_cast<int>(what.size()), what.data());
  std::abort();
}

// Whether `haystack` contains `needle`, ASCII letters compared without case.
inline bool icontains(std::string_view haystack, std::string_view needle) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (needle.size() > haystack.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    std::size_t j = 0;
    while (j < needle.size() && lower(haystack[i + j]) == lower(needle[j])) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

}  // namespace fabrique::fuzz
