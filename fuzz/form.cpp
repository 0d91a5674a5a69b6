// Fuzzes the decoding of query strings and urlencoded form bodies (http::Form::parse), as every POST and GET reads
// them.
//
// Asserts that a decoded form holds at most the allowed number of fields, only valid UTF-8, and that get(),
// has() and all() agree with the fields.
#include "http/form.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/text.hpp"
#include "fuzz/check.hpp"

using fabrique::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view encoded(reinterpret_cast<const char*>(data), size);
  constexpr std::size_t kMaxFields = 20;
  auto form = fabrique::http::Form::parse(encoded, kMaxFields);
  if (!form) return 0;
  check(form->fields().size() <= kMaxFields, "no more fields than allowed");
  for (const auto& [name, value] : form->fields()) {
    check(fabrique::text::valid_utf8(name) && fabrique::text::valid_utf8(value), "names and values are UTF-8");
    check(form->has(name), "has() finds every field");
    auto all = form->all(name);
    check(!all.empty() && all.front() == form->get(name), "get() is the first of all()");
  }
  return 0;
}
