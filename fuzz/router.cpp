// Fuzzes path matching against the product's one route table (http::routes()), with every method.
//
// Asserts that a path with a handler is a known path, that HEAD matches as GET does, and that typed
// parameters hold what their type promises: 1 to 18 digits for {…:int}, a slug for {…}.
#include "http/router.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/check.hpp"

using fabrique::fuzz::check;
using fabrique::http::Method;

namespace {

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kSlugChars = "abcdefghijklmnopqrstuvwxyz0123456789-";

// What the route table's parameter types promise, restated independently of the router's code.
bool typed_value(std::string_view v) {
  if (v.empty()) return false;
  const bool integer = v.size() <= 18 && v.find_first_not_of(kDigits) == std::string_view::npos;
  const bool slug = v.size() <= 120 && v.find_first_not_of(kSlugChars) == std::string_view::npos;
  return integer || slug;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view path(reinterpret_cast<const char*>(data), size);
  const auto& routes = fabrique::http::routes();
  for (Method method : {Method::get, Method::post, Method::head, Method::other}) {
    auto m = routes.match(method, path);
    if (m.handler) check(m.path_known, "a path with a handler is known");
    if (!m.handler) check(m.params.empty(), "no parameters without a handler");
    for (const auto& [name, value] : m.params) check(typed_value(value), "a parameter is digits or a slug");
    if (method == Method::head) {
      auto get = routes.match(Method::get, path);
      check(get.handler == m.handler && get.params == m.params, "HEAD matches as GET does");
    }
  }
  return 0;
}
