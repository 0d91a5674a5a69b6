// What every module's revision history shows the same way: the labels around changed words, and the
// page comparing two revisions field by field, word by word.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "text/diff.hpp"
#include "views/layout.hpp"

namespace fabrique::views {

// "[added: …]" and "[removed: …]" in the reader's language: what screen readers and a copy of the
// text keep of the underlining and striking.
text::DiffLabels diff_labels(const Context& ctx);

// One field of two revisions: its label (translated) and its text in each.
struct FieldChange {
  std::string label, before, after;
};

// The page comparing revision `from` with revision `to`: `trail` (links back to the thing and its
// history) above the title, then a section for each field that differs, with its word counts.
Response compare_revisions(Context& ctx, const Html& trail, std::int64_t from, std::int64_t to,
                           const std::vector<FieldChange>& fields);

// The 400 page for a comparison of revisions that do not exist; `history` is the page to go back to.
Response no_such_revisions(Context& ctx, const std::string& history);

}  // namespace fabrique::views
