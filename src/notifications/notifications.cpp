// SQL of the notifications, their mails, and the use cases people have on them (marking them read,
// choosing which kinds come by mail).
#include "notifications/notifications.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "accounts/by_mail.hpp"
#include "common/text.hpp"
#include "mail/mail.hpp"
#include "storage/changes.hpp"

namespace fabrique::notifications {

namespace {
using i18n::N_;
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

const Kind* kind(std::string_view key) {
  for (const auto& k : kKinds)
    if (key == k.key) return &k;
  return nullptr;
}

void notice(storage::Connection& c, std::int64_t user_id, const char* message, const std::string& link, sys_seconds now,
            const std::string& subject) {
  storage::Rows theirs(c, "notifications", user_id);
  c.execute("INSERT INTO notifications (user_id, message, subject, link, created_at) VALUES (?, ?, ?, ?, ?)",
            {user_id, std::string(message), cut(subject, kMaxSubject), link.size() > kMaxLink ? "" : link, secs(now)});
}

void notify(storage::Connection& c, std::int64_t user_id, const Kind& kind, const char* message,
            const std::string& link, sys_seconds now, const std::string& subject) {
  notice(c, user_id, message, link, now, subject);
  const std::string about = cut(subject, kMaxSubject);
  const std::string path = link.size() > kMaxLink ? "" : link;

  // The same notice by mail: only to a confirmed address, and not if the person turned it off.
  auto to = accounts::store::recipient(c, user_id);
  if (!to || !to->confirmed || !mail_enabled(c, user_id, kind.key)) return;
  const i18n::Translator* t = nullptr;
  mail::Mail m = accounts::letter(*to, user_id, kind.key, message, t);
  if (m.subject.find("{}") != std::string::npos) m.subject = fmt::format(fmt::runtime(m.subject), about);
  m.paragraphs.push_back(m.subject);
  if (!path.empty()) {
    m.link_label = t->tr(N_("See it on the site"));
    m.link = mail::url(path);
  }
  mail::enqueue(c, m, now);
}

void notify_each(storage::Connection& c, std::vector<std::int64_t> people, std::int64_t except, const Kind& kind,
                 const char* message, const std::string& link, sys_seconds now, const std::string& subject) {
  std::sort(people.begin(), people.end());
  people.erase(std::unique(people.begin(), people.end()), people.end());
  for (std::int64_t id : people)
    if (id != except) notify(c, id, kind, message, link, now, subject);
}

std::vector<std::int64_t> animateurs(storage::Connection& c) {
  std::vector<std::int64_t> out;
  for (const auto& r : c.query("SELECT id FROM users WHERE role = 'animateur' AND deleted_at IS NULL ORDER BY id"))
    out.push_back(r.integer(0));
  return out;
}

bool mail_enabled(storage::Connection& c, std::int64_t user_id, std::string_view kind) {
  auto r =
      c.query_one("SELECT enabled FROM mail_preferences WHERE user_id = ? AND kind = ?", {user_id, std::string(kind)});
  return !r || r->boolean(0);
}

void set_mail_enabled(storage::Connection& c, std::int64_t user_id, std::string_view kind, bool enabled,
                      sys_seconds now) {
  c.execute(
      "INSERT INTO mail_preferences (user_id, kind, enabled, updated_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (user_id, kind) DO UPDATE SET enabled = excluded.enabled, updated_at = excluded.updated_at",
      {user_id, std::string(kind), std::int64_t(enabled), secs(now)});
}

std::vector<Notification> latest(storage::Connection& c, std::int64_t user_id, std::int64_t limit) {
  storage::Rows theirs(c, "notifications", user_id);
  std::vector<Notification> out;
  for (const auto& r : c.query("SELECT id, message, subject, link, created_at, read_at FROM notifications "
                               "WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ?",
                               {user_id, limit}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), storage::at(r.integer(4)), !r.is_null(5)});
  return out;
}

std::int64_t unread_count(storage::Connection& c, std::int64_t user_id) {
  storage::Rows theirs(c, "notifications", user_id);
  return c.query_integer("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL", {user_id});
}

void choose_mails(storage::Connection& c, std::int64_t user_id, const std::vector<std::string>& wanted,
                  sys_seconds now) {
  storage::Transaction tx(c, true);
  for (const auto& k : kKinds)
    if (k.switch_on_page)
      set_mail_enabled(c, user_id, k.key, std::find(wanted.begin(), wanted.end(), k.key) != wanted.end(), now);
  tx.commit();
}

void stop_mails(storage::Connection& c, std::int64_t user_id, std::string_view kind, sys_seconds now) {
  storage::Transaction tx(c, true);
  if (!accounts::store::recipient(c, user_id)) return;
  set_mail_enabled(c, user_id, kind, false, now);
  tx.commit();
}

void mark_all_read(storage::Connection& c, std::int64_t user_id, sys_seconds now) {
  storage::Transaction tx(c, true);
  storage::Rows theirs(c, "notifications", user_id);
  c.execute("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL", {secs(now), user_id});
  tx.commit();
}

}  // namespace fabrique::notifications
