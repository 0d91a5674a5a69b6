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

namespace fabrique::text {

// What a form sent from revision `base_revision` of a document becomes against its current revision,
// once the conflict page's answers are applied: what to save, or the fields to settle first. One
// piece for every document kept as revisions, so that each use case only reads and writes its own.
struct Resolution {
  Fields wanted;                            // the fields to save, when nothing is left to settle
  std::optional<std::int64_t> merged_with;  // the revision saved meanwhile the save merges with
  // Left to settle: the fields both sides changed differently (or whose answer is missing, named
  // in `unsettled` too), the revision both started from, the fields there, now and as sent, and the
  // form to draw next (base_revision its new base).
  std::vector<std::string> conflicts;
  std::vector<std::string> unsettled;  // answered without a choice: an error on text::choice_field
  std::int64_t merge_base = 0;
  Fields base, theirs, mine;
  Fields form;
  std::int64_t form_revision = 0;
  bool to_settle() const { return !conflicts.empty(); }
};

// `mine` is the form as sent from `base_revision`, `answer` what it answered on a conflict page,
// `current` the document's fields now at `current_revision`; `at(n)` reads its fields at revision n
// (nothing when that revision is not kept).
template <class At>
Resolution resolve(Fields mine, const MergeAnswer& answer, std::int64_t base_revision, const Fields& current,
                   std::int64_t current_revision, At&& at) {
  auto text_of = [](const Fields& f, const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  Resolution out;
  // A field settled on the conflict page takes the text chosen there, "theirs" being its text at the
  // revision the page showed, which the form now starts from.
  Fields shown;
  if (!answer.empty())
    if (auto r = at(base_revision)) shown = std::move(*r);
  for (const auto& [name, s] : answer.settlements) {
    if (!mine.count(name)) continue;
    if (auto settled = settled_text(s, text_of(shown, name)))
      mine[name] = std::move(*settled);
    else
      out.unsettled.push_back(name);
  }
  if (!out.unsettled.empty()) {
    // The same fields to settle again, with what was answered kept.
    out.merge_base = answer.base_revision.value_or(base_revision);
    if (auto r = at(out.merge_base)) out.base = std::move(*r);
    out.theirs = std::move(shown);
    for (const auto& [name, s] : answer.settlements)
      if (mine.count(name)) {
        out.conflicts.push_back(name);
        out.mine[name] = s.mine;
      }
    out.form = std::move(mine);
    out.form_revision = base_revision;
    return out;
  }
  if (base_revision < current_revision) {
    if (auto before = at(base_revision)) {
      // Someone saved since the form was drawn: only what this person changed is brought over.
      auto merged = merge_fields(*before, current, mine);
      if (!merged.conflicts.empty()) {
        out.conflicts = merged.conflicts;
        out.merge_base = base_revision;
        out.base = std::move(*before);
        out.theirs = current;
        for (const auto& name : merged.conflicts) merged.fields[name] = text_of(mine, name);
        out.mine = std::move(mine);
        out.form = std::move(merged.fields);
        out.form_revision = current_revision;
        return out;
      }
      out.wanted = std::move(merged.fields);
      out.merged_with = current_revision;
      return out;
    }
  } else if (!answer.empty() && base_revision == current_revision) {
    out.merged_with = current_revision;  // the conflicts with it were settled on the conflict page
  }
  out.wanted = std::move(mine);
  return out;
}

}  // namespace fabrique::text
