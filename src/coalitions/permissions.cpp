// Who may edit a coalition: its co-porteurs and the animateurs of the programme.
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"

namespace fabrique::coalitions {

const StageDef* stage(std::string_view slug) {
  for (const auto& s : kStages)
    if (slug == s.slug) return &s;
  return nullptr;
}

bool is_section(std::string_view key) {
  for (const auto& s : kSections)
    if (key == s.key) return true;
  return false;
}

bool can_edit(storage::Connection& c, const User* actor, std::int64_t coalition_id) {
  if (!actor) return false;
  if (actor->is_animateur()) return true;
  return store::role_of(c, coalition_id, actor->id) == Role::co_porteur;
}

}  // namespace fabrique::coalitions
