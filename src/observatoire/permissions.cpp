// Who may edit the observatory: its editors (a role animateurs give) and the animateurs themselves;
// and telling them that a contribution waits for them.
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"
#include "observatoire/store.hpp"
#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

bool can_edit(storage::Connection& c, const User* actor) {
  if (!actor) return false;
  return actor->is_animateur() || store::is_editor(c, actor->id);
}

void tell_editors(storage::Connection& c, const User& actor, const std::string& about, sys_seconds now) {
  auto moderators = notifications::animateurs(c);
  for (const auto& e : store::editors(c)) moderators.push_back(e.user_id);
  notifications::notify_each(c, moderators, actor.id, notifications::kModeration,
                             i18n::N_("A contribution to the observatory waits for review: “{}”"),
                             urls::contributions(), now, about);
}

}  // namespace fabrique::observatoire
