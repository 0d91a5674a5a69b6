// The chore that reminds people of an event a day before it starts.
#include <map>

#include "events/mail.hpp"
#include "events/store.hpp"
#include "events/urls.hpp"
#include "i18n/i18n.hpp"
#include "notifications/notifications.hpp"

namespace fabrique::events {

using i18n::N_;
using storage::secs;

int write_reminders(storage::Connection& c, sys_seconds now) {
  constexpr std::int64_t kDay = 24 * 3600;
  storage::Transaction tx(c, true);
  // Marking and reading in one statement: on PostgreSQL a second node's UPDATE waits for this one's
  // rows, then finds them marked and leaves them.
  std::map<std::int64_t, std::vector<std::int64_t>> people_by_event;
  for (const auto& r : c.query(
           "UPDATE registrations SET reminded_at = ? WHERE reminded_at IS NULL AND status = 'registered' "
           "AND event_id IN (SELECT id FROM events WHERE starts_at > ? AND starts_at <= ? AND status = 'confirmed') "
           "AND created_at <= (SELECT starts_at FROM events e WHERE e.id = registrations.event_id) - ? "
           "RETURNING event_id, user_id",
           {secs(now), secs(now), secs(now) + kDay, kDay}))
    people_by_event[r.integer(0)].push_back(r.integer(1));
  int count = 0;
  for (const auto& [event_id, people] : people_by_event) {
    auto e = store::by_id(c, event_id);
    if (!e) continue;
    for (std::int64_t user_id : people) {
      notifications::notice(c, user_id, N_("Reminder: “{}”"), urls::event(e->slug), now, e->title);
      mail_event(c, user_id, *e, Letter::reminder, now);
      ++count;
    }
  }
  tx.commit();
  return count;
}

}  // namespace fabrique::events
