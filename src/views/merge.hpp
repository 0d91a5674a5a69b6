// The conflict page every document kept as revisions shows when a form from an older revision
// collides with a save made meanwhile: each field both sides changed, side by side (the base, their
// text, mine, with the word diff), to settle by choosing a text or merging by hand; and reading
// those answers back from the form. The merge itself is text::merge_fields.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/context.hpp"
#include "http/form.hpp"
#include "text/merge.hpp"
#include "views/html.hpp"

namespace fabrique::views {

using html::Html;
using http::Context;

// One field to settle, as the page shows it.
struct FieldConflict {
  std::string name;   // the form's field (its textarea, holding the text merged by hand)
  std::string label;  // translated
  std::string base;   // the text both started from
  std::string mine;   // the person's own text, sent back as it was
  std::string by_hand;
  Html theirs_diff;  // base → theirs, word by word
  Html mine_diff;    // base → mine
  text::Settlement::Choice choice = text::Settlement::unsettled;
  bool mergeable = true;  // false for a choice from a list: mine or theirs only, no merge by hand
};

// Every field to settle on one form, and the revisions they come from.
struct Conflicts {
  std::int64_t base_revision = 0;   // the revision both started from
  std::int64_t their_revision = 0;  // the revision saved meanwhile (the form's new base_revision)
  std::vector<FieldConflict> fields;

  bool empty() const { return fields.empty(); }
  // The field named `name`, or nullptr when it is not to settle.
  const FieldConflict* find(std::string_view name) const;
};

// A field to settle: `theirs` is its text in their revision; `answer` the person's earlier answer
// for it, if the page is drawn again (its choice kept, its text merged by hand kept).
FieldConflict field_conflict(const Context& ctx, std::string name, std::string label, std::string_view base,
                             std::string_view theirs, std::string mine, const text::Settlement* answer = nullptr);

// Every field `r` leaves to settle, `their_revision` being the revision saved meanwhile and `answer`
// what the person already answered for them. `label_of(name)` names a field; a field for which
// `shown(name, value)` gives something is a choice from a list, shown by that label and settled by
// keeping one side only (without it every field is a text that may also be merged by hand).
using FieldLabel = std::function<std::string(const std::string& name)>;
using ShownValue = std::function<std::optional<std::string>(const std::string& name, const std::string& value)>;
Conflicts conflicts_of(const Context& ctx, const text::Resolution& r, std::int64_t their_revision,
                       const text::MergeAnswer& answer, const FieldLabel& label_of, const ShownValue& shown = {});

// The conflict page's answers in a posted form: the revision both sides started from and, for each
// field to settle, the choice, the person's own text and the text merged by hand (the field itself).
// Empty when the form did not come from a conflict page.
text::MergeAnswer read_merge(const http::Form& form);

}  // namespace fabrique::views
