// The chore that announces a charter consultation once its opening time has come (an animateur may
// schedule it ahead): everyone with an account is told, once.
#include "commons/urls.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::commons {

using storage::secs;

int announce_consultations(storage::Connection& c, sys_seconds now) {
  storage::Transaction tx(c, true);
  // Marking and reading in one statement: a second node finds the version marked.
  auto opened = c.query(
      "UPDATE charter_versions SET consultation_announced_at = ? WHERE consultation_announced_at IS NULL "
      "AND consultation_opens_at IS NOT NULL AND consultation_opens_at <= ? AND adopted_at IS NULL "
      "AND (consultation_closes_at IS NULL OR consultation_closes_at > ?) RETURNING number, label",
      {secs(now), secs(now), secs(now)});
  if (opened.empty()) return 0;
  std::vector<std::int64_t> everyone;
  for (const auto& r : c.query("SELECT id FROM users WHERE deleted_at IS NULL ORDER BY id"))
    everyone.push_back(r.integer(0));
  for (const auto& v : opened) {
    const std::string number = std::to_string(v.integer(0));
    notifications::notify_each(c, everyone, 0, notifications::kCharter,
                               i18n::N_("The consultation on the charter is open: “{}”. Read it and comment."),
                               urls::charter_version(v.integer(0)), now, v.text(1).empty() ? "v" + number : v.text(1));
  }
  tx.commit();
  return static_cast<int>(opened.size());
}

}  // namespace fabrique::commons
