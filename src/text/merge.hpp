// Three-way merge of a document kept as revisions, field by field: what someone saved meanwhile is
// never undone by a form that started from an older revision.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fabrique::text {

// A document as fields (a booklet's sections, the minutes' text…): field name → text.
using Fields = std::map<std::string, std::string>;

struct Merged {
  Fields fields;                       // every field of the three, merged
  std::vector<std::string> conflicts;  // fields both sides changed differently, in name order
};

// Merges `mine` (a form sent from revision `base`) with `theirs` (the current revision), field by
// field against `base`:
//  - a field only I changed is taken from mine, one only they changed from theirs;
//  - a field nobody changed keeps its text, as does one both changed to the same text;
//  - a field both changed differently is a conflict: named in `conflicts`, and left at theirs in
//    `fields` until the person settles it.
// A field missing from `base` or `theirs` is empty text; one missing from `mine` was not sent, and
// counts as unchanged (mine = base). Texts are compared as they are: callers normalise line endings.
Merged merge_fields(const Fields& base, const Fields& theirs, const Fields& mine);

// How a person settled one conflicting field on the conflict page.
struct Settlement {
  enum Choice { unsettled, keep_mine, keep_theirs, merge_by_hand };
  Choice choice = unsettled;
  std::string mine;     // their own text, as first sent
  std::string by_hand;  // the text they merged themselves
};

// The text a settlement gives the field, `theirs` being its text in the revision the conflict page
// showed; nothing while it is unsettled.
std::optional<std::string> settled_text(const Settlement& s, std::string_view theirs);

// What a form sent back from a conflict page: the revision both sides had started from, and how
// each field to settle was settled. Empty for any other form.
struct MergeAnswer {
  std::optional<std::int64_t> base_revision;
  std::map<std::string, Settlement> settlements;  // field → settlement
  bool empty() const { return settlements.empty(); }
};

// The form field an unsettled field's error is reported on: the first of its choices on the
// conflict page (views/templates/merge.html), so that the error summary links to it.
std::string choice_field(std::string_view field);

}  // namespace fabrique::text
