// Three-way merge of fields (see merge.hpp).
#include "text/merge.hpp"

#include <set>

namespace fabrique::text {

namespace {

const std::string& field_text(const Fields& fields, const std::string& name) {
  static const std::string kEmpty;
  auto it = fields.find(name);
  return it == fields.end() ? kEmpty : it->second;
}

}  // namespace

Merged merge_fields(const Fields& base, const Fields& theirs, const Fields& mine) {
  std::set<std::string> names;
  for (const Fields* f : {&base, &theirs, &mine})
    for (const auto& [name, _] : *f) names.insert(name);
  Merged out;
  for (const auto& name : names) {
    const std::string& b = field_text(base, name);
    const std::string& t = field_text(theirs, name);
    auto m = mine.find(name);
    if (m == mine.end() || m->second == b || m->second == t) {
      out.fields[name] = t;  // untouched by me, or changed the same way by both
    } else if (t == b) {
      out.fields[name] = m->second;  // only I changed it
    } else {
      out.fields[name] = t;
      out.conflicts.push_back(name);
    }
  }
  return out;
}

std::optional<std::string> settled_text(const Settlement& s, std::string_view theirs) {
  switch (s.choice) {
    case Settlement::keep_mine:
      return s.mine;
    case Settlement::keep_theirs:
      return std::string(theirs);
    case Settlement::merge_by_hand:
      return s.by_hand;
    case Settlement::unsettled:
      break;
  }
  return std::nullopt;
}

std::string choice_field(std::string_view field) { return "merge_choice_" + std::string(field); }

}  // namespace fabrique::text
