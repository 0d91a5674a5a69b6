// Look-ups in the fixed lists of the commons (kinds, licences, outcomes, charter sections).
#include "commons/model.hpp"

#include <algorithm>

namespace fabrique::commons {

const Licence* licence(std::string_view id) {
  for (const auto& l : kLicences)
    if (id == l.id) return &l;
  return nullptr;
}

std::string short_name(std::string_view id) {
  if (id.starts_with("CC")) {
    std::string out(id);
    std::replace(out.begin(), out.end(), '-', ' ');
    return out;
  }
  const Licence* l = licence(id);
  return l ? l->name : std::string(id);
}

const Choice* kind(std::string_view slug) {
  for (const auto& k : kKinds)
    if (slug == k.slug) return &k;
  return nullptr;
}

const Choice* outcome(std::string_view slug) {
  for (const auto& o : kOutcomes)
    if (slug == o.slug) return &o;
  return nullptr;
}

bool is_charter_section(std::string_view key) {
  for (const auto& s : kCharterSections)
    if (key == s.key) return true;
  return false;
}

}  // namespace fabrique::commons
