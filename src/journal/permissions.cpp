// Who may write, edit and see the journal's posts.
#include "commons/store.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"

namespace fabrique::journal {

const Choice* kind(std::string_view slug) {
  for (const auto& k : kKinds)
    if (slug == k.slug) return &k;
  return nullptr;
}

bool can_write(storage::Connection& c, const User* actor) {
  if (!actor) return false;
  return actor->is_animateur() || store::carries_a_coalition(c, actor->id);
}

bool can_edit(storage::Connection& c, const User* actor, const Post& p) {
  if (!actor) return false;
  if (actor->is_animateur()) return true;
  std::vector<std::int64_t> ids;
  for (const auto& k : p.links.coalitions) ids.push_back(k.id);
  return commons::store::is_co_porteur_of_any(c, actor->id, ids);
}

bool can_see(storage::Connection& c, const User* actor, const Post& p, sys_seconds now) {
  return p.visible_at(now) || can_edit(c, actor, p);
}

}  // namespace fabrique::journal
