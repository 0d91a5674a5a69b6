// The one place where an entry's document becomes a revision: the public body found or added by
// its SIREN, the score computed again from the evidence, its history kept. Used by the use cases
// that change entries, inside their transaction.
#pragma once
#include "observatoire/model.hpp"
#include "storage/database.hpp"

namespace fabrique::observatoire {

struct WriteOptions {
  std::optional<std::int64_t> author;
  std::string source, comment;
  sys_seconds now{};
  // For a new entry: kept when importing, made up otherwise.
  std::string uuid, slug;
  std::optional<sys_seconds> published_at, updated_at;
  // The revision saved meanwhile this one merges with (update_entry's three-way merge).
  std::optional<std::int64_t> merged_with;
};

// Writes `doc` (already validated) as revision 1 of a new entry, or as the next revision of `existing`.
// Returns nothing if `existing` was changed meanwhile (its revision moved on).
std::optional<Entry> write_entry(storage::Connection& c, const Entry* existing, const Document& doc,
                                 const WriteOptions& o);

}  // namespace fabrique::observatoire
