// Notifications: what the site tells a person (a contribution accepted, an answer to read…), listed
// on their account page with the number still unread. Any module may call notify() inside its own
// transaction, so that the notice exists if and only if the change it reports was committed.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::notifications {

using std::chrono::sys_seconds;

inline constexpr std::size_t kMaxSubject = 300;
inline constexpr std::size_t kMaxLink = 500;

struct Notification {
  std::int64_t id = 0;
  std::string message;  // English msgid, translated when shown; "{}" is replaced by the subject
  std::string subject;  // the thing it is about (a name), shown as written
  std::string link;     // a path on this site, or empty
  sys_seconds created_at{};
  bool read = false;
};

// Tells `user_id` something. `message` must be a msgid marked with N_() so that it is translated when
// shown; `subject` fills its "{}" (cut to 300 characters); `link` is a path on this site.
void notify(storage::Connection& c, std::int64_t user_id, const char* message, const std::string& link,
            sys_seconds now, const std::string& subject = {});

// The person's latest notifications, newest first.
std::vector<Notification> latest(storage::Connection& c, std::int64_t user_id, std::int64_t limit = 20);
std::int64_t unread_count(storage::Connection& c, std::int64_t user_id);
// Marks every notification of the person as read (use case: one transaction).
void mark_all_read(storage::Connection& c, std::int64_t user_id, sys_seconds now);

}  // namespace fabrique::notifications
