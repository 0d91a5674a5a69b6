// Who may edit the observatory: its editors (a role animateurs give) and the animateurs themselves.
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

bool can_edit(storage::Connection& c, const User* actor) {
  if (!actor) return false;
  return actor->is_animateur() || store::is_editor(c, actor->id);
}

}  // namespace fabrique::observatoire
