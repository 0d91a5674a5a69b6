// The conflict page's fields and answers (see merge.hpp).
#include "views/merge.hpp"

#include "common/numbers.hpp"
#include "text/diff.hpp"
#include "views/revisions.hpp"

namespace fabrique::views {

const FieldConflict* Conflicts::find(std::string_view name) const {
  for (const auto& f : fields)
    if (f.name == name) return &f;
  return nullptr;
}

FieldConflict field_conflict(const Context& ctx, std::string name, std::string label, std::string_view base,
                             std::string_view theirs, std::string mine, const text::Settlement* answer) {
  const auto labels = diff_labels(ctx);
  FieldConflict f{
      .name = std::move(name), .label = std::move(label), .base = std::string(base), .mine = std::move(mine)};
  f.theirs_diff = text::render_diff(text::diff_words(base, theirs), labels);
  f.mine_diff = text::render_diff(text::diff_words(base, f.mine), labels);
  f.by_hand = answer ? answer->by_hand : f.mine;
  f.choice = answer ? answer->choice : text::Settlement::unsettled;
  return f;
}

Conflicts conflicts_of(const Context& ctx, const text::Resolution& r, std::int64_t their_revision,
                       const text::MergeAnswer& answer, const FieldLabel& label_of, const ShownValue& shown) {
  Conflicts out{.base_revision = r.merge_base, .their_revision = their_revision, .fields = {}};
  auto at = [](const text::Fields& f, const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  for (const auto& name : r.conflicts) {
    const text::Settlement* settled = nullptr;
    if (auto it = answer.settlements.find(name); it != answer.settlements.end()) settled = &it->second;
    const std::string base = at(r.base, name), theirs = at(r.theirs, name), mine = at(r.mine, name);
    if (shown && shown(name, base)) {
      // A choice from a list: shown by its label, settled by its value, never merged by hand.
      auto f = field_conflict(ctx, name, label_of(name), shown(name, base).value_or(""),
                              shown(name, theirs).value_or(""), shown(name, mine).value_or(""), settled);
      f.mine = mine;
      f.mergeable = false;
      out.fields.push_back(std::move(f));
      continue;
    }
    out.fields.push_back(field_conflict(ctx, name, label_of(name), base, theirs, mine, settled));
  }
  return out;
}

text::MergeAnswer read_merge(const http::Form& form) {
  text::MergeAnswer out;
  const auto names = form.all("merge_field");
  if (names.empty()) return out;
  out.base_revision = numbers::whole(form.get("merge_base"), 0, numbers::kMaxId);
  for (const auto& name : names) {
    text::Settlement s;
    const std::string choice = form.get(text::choice_field(name));
    s.choice = choice == "mine"      ? text::Settlement::keep_mine
               : choice == "theirs"  ? text::Settlement::keep_theirs
               : choice == "by_hand" ? text::Settlement::merge_by_hand
                                     : text::Settlement::unsettled;
    s.mine = form.get("merge_mine_" + name);
    s.by_hand = form.get(name);
    out.settlements[name] = std::move(s);
  }
  return out;
}

}  // namespace fabrique::views
