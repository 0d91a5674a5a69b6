// Fuzzes the parsing of observatory imports (observatoire::parse_import, the part of `fabrique observatoire import`
// that reads the JSON file before anything touches the database).
//
// Asserts that every entry accepted is complete (id, slug, dates), that validating it again changes nothing,
// and that its document survives the JSON form revisions are stored in.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz/check.hpp"
#include "observatoire/json.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"

using fabrique::fuzz::check;
namespace obs = fabrique::observatoire;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const std::chrono::sys_seconds now{std::chrono::seconds{1'796'000'000}};  // December 2026
  auto entries = obs::parse_import(text, now);
  if (!entries) return 0;
  int number = 0;
  for (const auto& entry : *entries) {
    check(entry.number == ++number, "entries are numbered in file order");
    if (!entry.error.empty()) continue;
    check(!entry.uuid.empty() && !entry.slug.empty(), "an accepted entry has an id and a slug");
    fabrique::FieldErrors errors;
    obs::Document again = obs::validate_document(entry.doc, errors, now);
    check(errors.empty(), "an accepted document validates again");
    check(again == entry.doc, "validation leaves an accepted document unchanged");
    auto stored = obs::json::parse_document(obs::json::serialize(entry.doc));
    check(stored && *stored == entry.doc, "a document survives its stored JSON form");
  }
  return 0;
}
