// The chores' round (their thread is a Loop).
#include "chores/chores.hpp"

#include "accounts/store.hpp"
#include "common/log.hpp"
#include "commons/use_cases.hpp"
#include "decisions/use_cases.hpp"
#include "events/mail.hpp"
#include "follows/follows.hpp"
#include "storage/dialect.hpp"

namespace fabrique::chores {

Chores::Chores(storage::Database& db, accounts::SeenSessions& seen, Clock clock)
    : db_(db), seen_(seen), clock_(std::move(clock)), loop_(kEvery, [this] { run_once(); }) {
  if (!clock_) clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

int Chores::run_once() {
  int failed = 0;
  auto attempt = [&](const char* name, const std::function<void(storage::Connection&)>& chore) {
    try {
      auto c = db_.acquire();
      chore(*c);
      try {
        storage::record_changes(*c);  // what the chore wrote reaches the cached pages that read it
      } catch (const storage::Unavailable& e) {
        log::error("chore done, its changes reach cached pages within a minute",
                   {{"chore", name}, {"error", e.what()}});
      }
    } catch (const std::exception& e) {
      ++failed;
      log::error("chore failed, tried again next round", {{"chore", name}, {"error", e.what()}});
    }
  };
  attempt("last use of sessions and access tokens", [&](storage::Connection& c) { seen_.flush(c); });
  attempt("expired sessions", [&](storage::Connection& c) {
    storage::Transaction tx(c, true);
    accounts::store::delete_expired_sessions(c, clock_());
    tx.commit();
  });
  attempt("event reminders", [&](storage::Connection& c) { events::write_reminders(c, clock_()); });
  attempt("charter consultations", [&](storage::Connection& c) { commons::announce_consultations(c, clock_()); });
  attempt("closed decisions", [&](storage::Connection& c) { decisions::tell_closed_decisions(c, clock_()); });
  attempt("digests", [&](storage::Connection& c) { follows::write_digests(c, clock_()); });
  // Without statistics SQLite's planner guesses, and on a large programme guesses badly (a territory's
  // page read every placing of a kind instead of the few within it); PostgreSQL keeps its own.
  if (const auto now = std::chrono::steady_clock::now();
      analysed_ == std::chrono::steady_clock::time_point{} || now - analysed_ >= std::chrono::hours(24)) {
    attempt("statistics for the query planner",
            [&](storage::Connection& c) { storage::dialect::refresh_statistics(c, false); });
    analysed_ = now;
  }
  return failed;
}

}  // namespace fabrique::chores
