// SQL of the notifications and the one use case people have on them (marking them read).
#include "notifications/notifications.hpp"

#include "common/text.hpp"

namespace fabrique::notifications {

namespace {
using storage::secs;

// Cuts `s` to `max` code points without splitting one.
std::string cut(const std::string& s, std::size_t max) {
  if (text::length(s) <= max) return s;
  std::size_t count = 0, i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == max) break;
      ++count;
    }
  }
  return s.substr(0, i);
}
}  // namespace

void notify(storage::Connection& c, std::int64_t user_id, const char* message, const std::string& link,
            sys_seconds now, const std::string& subject) {
  c.execute("INSERT INTO notifications (user_id, message, subject, link, created_at) VALUES (?, ?, ?, ?, ?)",
            {user_id, std::string(message), cut(subject, kMaxSubject), link.size() > kMaxLink ? "" : link, secs(now)});
}

std::vector<Notification> latest(storage::Connection& c, std::int64_t user_id, std::int64_t limit) {
  std::vector<Notification> out;
  for (const auto& r : c.query("SELECT id, message, subject, link, created_at, read_at FROM notifications "
                               "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                               {user_id, limit}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3),
                   storage::at(r.integer(4)), !r.is_null(5)});
  return out;
}

std::int64_t unread_count(storage::Connection& c, std::int64_t user_id) {
  return c.query_integer("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id});
}

void mark_all_read(storage::Connection& c, std::int64_t user_id, sys_seconds now) {
  storage::Transaction tx(c, true);
  c.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", {secs(now), user_id});
  tx.commit();
}

}  // namespace fabrique::notifications
