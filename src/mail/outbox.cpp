// SQL of the outbox: writing a mail, claiming it for delivery, recording the outcome.
#include "mail/outbox.hpp"

#include "mail/mail.hpp"
#include "storage/dialect.hpp"
#include "storage/instants.hpp"

namespace fabrique::mail {

using storage::secs;

std::int64_t enqueue(storage::Connection& c, const Mail& m, sys_seconds now) {
  const Composed composed = compose(m, now);
  auto rows = c.query(
      "INSERT INTO outbox (recipient, subject, kind, message_id, message, next_attempt_at, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {m.to, m.subject, m.kind.empty() ? std::string("notice") : m.kind, composed.message_id, composed.message,
       secs(now), secs(now)});
  return rows.at(0).integer(0);
}

namespace outbox {

std::chrono::seconds retry_delay(std::int64_t attempts) {
  std::int64_t minutes = 1;
  for (std::int64_t i = 1; i < attempts && minutes < 60; ++i) minutes *= 2;
  return std::chrono::minutes(std::min<std::int64_t>(minutes, 60));
}

std::optional<Claimed> claim(storage::Connection& c, sys_seconds now, std::chrono::seconds lease) {
  storage::Transaction tx(c, true);
  auto r = c.query_one(
      "SELECT id, recipient, message_id, message, attempts, created_at FROM outbox "
      "WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1" +
          storage::dialect::skip_locked(c.engine()),
      {secs(now)});
  if (!r) return std::nullopt;
  Claimed m{r->integer(0), r->text(1), r->text(2), r->text(3), r->integer(4) + 1, storage::at(r->integer(5))};
  c.execute("UPDATE outbox SET attempts = ?, next_attempt_at = ? WHERE id = ?", {m.attempts, secs(now + lease), m.id});
  tx.commit();
  return m;
}

void mark_sent(storage::Connection& c, std::int64_t id, sys_seconds now) {
  c.execute("UPDATE outbox SET status = 'sent', sent_at = ?, last_error = '' WHERE id = ?", {secs(now), id});
}

void mark_retry(storage::Connection& c, const Claimed& m, const std::string& error, sys_seconds now) {
  const sys_seconds next = now + retry_delay(m.attempts);
  if (next - m.created_at > kGiveUpAfter) {
    mark_failed(c, m.id, error);
    return;
  }
  c.execute("UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?", {secs(next), error, m.id});
}

void mark_failed(storage::Connection& c, std::int64_t id, const std::string& error) {
  c.execute("UPDATE outbox SET status = 'failed', last_error = ? WHERE id = ?", {error, id});
}

Counts counts(storage::Connection& c) {
  // Counted from the index on status alone: summing over the table read every mail ever written, each
  // with its whole message (8 ms for the outbox page of the large programme). Only the few pending
  // mails are read to tell those whose last attempt failed.
  Counts n{};
  for (const auto& r : c.query("SELECT status, COUNT(*) FROM outbox GROUP BY status")) {
    const std::string status = r.text(0);
    if (status == "pending") n.pending = r.integer(1);
    if (status == "sent") n.sent = r.integer(1);
    if (status == "failed") n.failed = r.integer(1);
  }
  // CROSS JOIN: from the pending mails' keys in the index to their rows. Left to itself, SQLite's
  // planner, told by the statistics that half the mails share a status, read the whole table.
  n.retrying = c.query_integer(
      "SELECT COUNT(*) FROM (SELECT id FROM outbox WHERE status = 'pending') p CROSS JOIN outbox o "
      "WHERE o.id = p.id AND o.attempts > 0 AND o.last_error <> ''");
  return n;
}

std::vector<Entry> troubles(storage::Connection& c, std::int64_t limit) {
  std::vector<Entry> out;
  // As in counts(): the failed and pending mails found from the index, not among every mail sent.
  for (const auto& r :
       c.query("SELECT o.id, o.recipient, o.subject, o.kind, o.status, o.last_error, o.attempts, o.created_at, "
               "o.next_attempt_at FROM (SELECT id FROM outbox WHERE status IN ('failed', 'pending')) t "
               "CROSS JOIN outbox o WHERE o.id = t.id AND (o.status = 'failed' OR o.last_error <> '') "
               "ORDER BY o.created_at DESC, o.id DESC LIMIT ?",
               {limit}))
    out.push_back({r.integer(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6),
                   storage::at(r.integer(7)), storage::at(r.integer(8))});
  return out;
}

}  // namespace outbox
}  // namespace fabrique::mail
