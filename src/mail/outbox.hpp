// The outbox table: mails waiting, sent or failed; how a sender claims the next one and records
// what the server answered. Used by the sender and the animateurs' outbox page.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace fabrique::mail::outbox {

using std::chrono::sys_seconds;

// Temporary failures are retried for this long after the mail was written, then it fails.
inline constexpr std::chrono::hours kGiveUpAfter{48};

// The wait before attempt number `attempts + 1` after a temporary failure: 1 minute, doubling, at
// most one hour.
std::chrono::seconds retry_delay(std::int64_t attempts);

struct Claimed {
  std::int64_t id = 0;
  std::string recipient;
  std::string message_id;
  std::string message;
  std::int64_t attempts = 0;  // including this one
  sys_seconds created_at{};
};

// Takes the oldest due mail for this node for `lease` (no other node takes it meanwhile), in its
// own short write transaction: FOR UPDATE SKIP LOCKED on PostgreSQL, the write lock on SQLite. A node
// that dies while sending leaves the mail to be taken again when the lease ends.
std::optional<Claimed> claim(storage::Connection& c, sys_seconds now, std::chrono::seconds lease);

void mark_sent(storage::Connection& c, std::int64_t id, sys_seconds now);
// A temporary failure: tried again later, or failed when two days have passed.
void mark_retry(storage::Connection& c, const Claimed& m, const std::string& error, sys_seconds now);
// A permanent failure (5xx): never tried again.
void mark_failed(storage::Connection& c, std::int64_t id, const std::string& error);

struct Entry {
  std::int64_t id = 0;
  std::string recipient, subject, kind, status, last_error;
  std::int64_t attempts = 0;
  sys_seconds created_at{}, next_attempt_at{};
};
struct Counts {
  std::int64_t pending = 0, retrying = 0, sent = 0, failed = 0;
};
Counts counts(storage::Connection& c);
// Failed mails, and pending ones that already failed at least once: newest first.
std::vector<Entry> troubles(storage::Connection& c, std::int64_t limit);

}  // namespace fabrique::mail::outbox
