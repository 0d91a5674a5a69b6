// The scoreboard's ?organisme= filter: a search field, never a select of every public body, in the
// way of the coalition filter (coalitions/filter.hpp). The slug every link carries still names its
// body exactly; so do a SIREN and words of the name. The JSON and CSV exports read it too.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/errors.hpp"
#include "http/context.hpp"
#include "observatoire/model.hpp"
#include "storage/database.hpp"

namespace fabrique::observatoire {

struct BodyFilter {
  std::string words;                      // as typed, 100 characters at most
  std::optional<Body> body;               // what they name
  std::optional<std::int64_t> filter_id;  // for the store: its id, -1 when the words name none (an empty list)
  FieldErrors errors;                     // shown next to the field when the words name none
};

// The public body `words` name: its slug exactly, else its SIREN, else the first body (by name)
// whose name holds every word, case and accents aside. Nothing when the words are empty or name none.
std::optional<Body> body_named(storage::Connection& c, std::string_view words);
// The list's ?organisme=.
BodyFilter body_filter(http::Context& ctx);

}  // namespace fabrique::observatoire
