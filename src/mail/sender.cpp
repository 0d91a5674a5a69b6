// The sender's loop: claim a due mail, deliver it outside any transaction, record the outcome.
#include "mail/sender.hpp"

#include <chrono>
#include <utility>

#include "common/log.hpp"
#include "mail/outbox.hpp"

namespace fabrique::mail {

namespace {
// How often an idle sender looks for due mail. Mail written on another node is seen this late at most.
constexpr std::chrono::seconds kPoll{1};
}  // namespace

Sender::Sender(storage::Database& db, const config::Options& options, Clock clock)
    : db_(db), options_(options), clock_(std::move(clock)), loop_(kPoll, [this] { round(); }) {
  if (!clock_) clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

int Sender::deliver_due() {
  int attempts = 0;
  // The lease outlives the longest attempt (connection plus whole transfer), so that no other node
  // takes a mail this one is still sending.
  const std::chrono::seconds lease(2 * options_.smtp_timeout_seconds + 10);
  // What was marked (sent, to retry, failed) is stamped for the page cache at most once a second and
  // at the end of the round, not once per mail: a newsletter to 10,000 people is 10,000 mails.
  storage::Writes unstamped;
  Delivery delivery(options_);
  auto stamped_at = std::chrono::steady_clock::now();
  for (;;) {
    if (loop_.stopping()) break;  // the mails not yet claimed wait for the next start
    auto c = db_.acquire();
    c->stamp_at_commit = false;  // gathered in `unstamped`
    auto m = outbox::claim(*c, clock_(), lease);
    if (!m) break;
    ++attempts;
    Outcome o = delivery.deliver(std::to_string(m->id), m->recipient, m->message);
    const auto now = clock_();
    storage::Transaction tx(*c, true);
    switch (o.kind) {
      case Outcome::Kind::sent:
        outbox::mark_sent(*c, m->id, now);
        break;
      case Outcome::Kind::temporary:
        log::error("mail: delivery will be tried again", {{"outbox", std::to_string(m->id)}, {"error", o.error}});
        outbox::mark_retry(*c, *m, o.error, now);
        break;
      case Outcome::Kind::permanent:
        log::error("mail: refused by the server", {{"outbox", std::to_string(m->id)}, {"error", o.error}});
        outbox::mark_failed(*c, m->id, o.error);
        break;
    }
    tx.commit();
    unstamped |= c->writes;
    c->writes.reset();
    if (std::chrono::steady_clock::now() - stamped_at >= std::chrono::seconds(1)) {
      c->writes = std::exchange(unstamped, {});
      storage::record_changes(*c);  // a page showing what was sent is rendered again
      stamped_at = std::chrono::steady_clock::now();
    }
  }
  if (unstamped.any()) {
    auto c = db_.acquire();
    c->writes = unstamped;
    storage::record_changes(*c);
  }
  return attempts;
}

void Sender::round() {
  try {
    deliver_due();
  } catch (const std::exception& e) {
    // A database hiccup: the claimed mail's lease ends and it is taken again.
    log::error("mail: the sender failed", {{"error", e.what()}});
  }
}

}  // namespace fabrique::mail
