// Fuzzes the parsing of Cookie headers (http::parse_cookies), which every request goes through before sign-in is known.
//
// Asserts that every cookie has a name without '=' or ';', that values hold no ';', and that a cookie written by
// set_cookie() with a name and value read from the input is read back unchanged.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/check.hpp"
#include "http/form.hpp"

using fabrique::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view header(reinterpret_cast<const char*>(data), size);
  auto cookies = fabrique::http::parse_cookies(header);
  for (const auto& [name, value] : cookies) {
    check(!name.empty(), "cookie names are not empty");
    check(name.find_first_of("=;") == std::string::npos, "cookie names hold no '=' nor ';'");
    check(value.find(';') == std::string::npos, "cookie values hold no ';'");
    // What the server sets (a token: letters, digits, '-' and '_') comes back as it was set.
    bool token = true;
    for (char c : name + value)
      token =
          token && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    if (!token || value.empty()) continue;
    std::string set = fabrique::http::set_cookie(name, value, {});
    auto back = fabrique::http::parse_cookies(set.substr(0, set.find(';')));
    check(back.size() == 1 && back.begin()->first == name && back.begin()->second == value,
          "a cookie set by set_cookie() reads back");
  }
  return 0;
}
