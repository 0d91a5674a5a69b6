// Who may open, answer and close a decision, and see its answers.
#include "coalitions/store.hpp"
#include "decisions/store.hpp"
#include "decisions/use_cases.hpp"

namespace fabrique::decisions {

bool can_open(storage::Connection& c, const User* actor, GroupKind group, std::optional<std::int64_t> coalition_id) {
  if (!actor) return false;
  if (actor->is_animateur()) return true;
  if (group != GroupKind::coalition || !coalition_id) return false;
  return coalitions::store::role_of(c, *coalition_id, actor->id) == coalitions::Role::co_porteur;
}

bool can_answer(storage::Connection& c, const User* actor, const Decision& d) {
  return actor && store::in_group(c, d, actor->id);
}

bool can_see_answers(storage::Connection& c, const User* actor, const Decision& d) {
  return actor && (actor->is_animateur() || can_answer(c, actor, d));
}

bool can_close(const User* actor, const Decision& d) {
  return actor && (actor->is_animateur() || (d.opened_by && *d.opened_by == actor->id));
}

}  // namespace fabrique::decisions
