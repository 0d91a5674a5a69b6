// Notifications: what the site tells a person (a contribution accepted, an answer to read…), listed
// on their account page with the number still unread. Any module may call notify() inside its own
// transaction, so that the notice exists if and only if the change it reports was committed.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "i18n/i18n.hpp"
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

// The kinds of notice; each is also a kind of mail the person may turn off (on their account page
// or by the one-click link of the mail). `label` is an English msgid.
struct Kind {
  const char* key;
  const char* label;
  bool switch_on_page = true;  // false: chosen elsewhere (the digest: by its frequency, src/follows/)
};
inline constexpr Kind kEvents{"events", i18n::N_("Changes to the events I registered for")};
inline constexpr Kind kContributions{"contributions", i18n::N_("Decisions on my contributions to the observatory")};
inline constexpr Kind kAccount{"account", i18n::N_("Failed attempts to sign in to my account")};
inline constexpr Kind kCoalitions{"coalitions",
                                  i18n::N_("My coalitions: my role, new interest declarations, my proposals")};
inline constexpr Kind kModeration{"moderation", i18n::N_("Contributions and drafts waiting for my review")};
inline constexpr Kind kCharter{"charter", i18n::N_("The charter: consultations, and new versions to sign")};
inline constexpr Kind kDecisions{"decisions", i18n::N_("Decisions put to my groups: opened and closed")};
inline constexpr Kind kReuses{"reuses", i18n::N_("Reuses of my organisations' data, and answers to my reuses")};
inline constexpr Kind kDataRequests{"data_requests",
                                    i18n::N_("Data requests: new ones about my data, answers to mine")};
inline constexpr Kind kDigest{"digest", i18n::N_("The digest of what I follow"), false};
inline constexpr Kind kNewsletters{"newsletters", i18n::N_("The programme's newsletters")};  // src/newsletters/
inline constexpr Kind kKinds[] = {kEvents, kCoalitions,   kContributions, kModeration,  kCharter, kDecisions,
                                  kReuses, kDataRequests, kAccount,       kNewsletters, kDigest};
// The kind whose key is `key`, or nullptr.
const Kind* kind(std::string_view key);

// Tells `user_id` something on the site only (the caller mails them in its own words), in the
// caller's transaction; `message`, `link` and `subject` as for notify().
void notice(storage::Connection& c, std::int64_t user_id, const char* message, const std::string& link, sys_seconds now,
            const std::string& subject = {});

// Tells `user_id` something, on the site and by mail (unless they turned that kind off, or have not
// confirmed their address yet). `message` must be a msgid marked with N_() so that it is translated
// in the person's language; `subject` fills its "{}" (cut to 300 characters); `link` is a path on
// this site. The mail goes through the outbox in the caller's transaction.
void notify(storage::Connection& c, std::int64_t user_id, const Kind& kind, const char* message,
            const std::string& link, sys_seconds now, const std::string& subject = {});

// notify() for each of `people` but `except` (the person who caused it; 0: nobody), each once.
void notify_each(storage::Connection& c, std::vector<std::int64_t> people, std::int64_t except, const Kind& kind,
                 const char* message, const std::string& link, sys_seconds now, const std::string& subject = {});
// The animateurs whose account is open: those who moderate everything.
std::vector<std::int64_t> animateurs(storage::Connection& c);

// Whether the person receives `kind` by mail (yes unless they said no), and saving their choice.
bool mail_enabled(storage::Connection& c, std::int64_t user_id, std::string_view kind);
void set_mail_enabled(storage::Connection& c, std::int64_t user_id, std::string_view kind, bool enabled,
                      sys_seconds now);
// Use case (one transaction): the one-click unsubscription of a mail: `kind` no longer comes by mail.
// An account deleted since is ignored.
void stop_mails(storage::Connection& c, std::int64_t user_id, std::string_view kind, sys_seconds now);
// Use case (one transaction): the person receives by mail exactly the kinds in `wanted`.
void choose_mails(storage::Connection& c, std::int64_t user_id, const std::vector<std::string>& wanted,
                  sys_seconds now);

// The person's latest notifications, newest first.
std::vector<Notification> latest(storage::Connection& c, std::int64_t user_id, std::int64_t limit = 20);
std::int64_t unread_count(storage::Connection& c, std::int64_t user_id);
// Marks every notification of the person as read (use case: one transaction).
void mark_all_read(storage::Connection& c, std::int64_t user_id, sys_seconds now);

}  // namespace fabrique::notifications
