// Chores: what each node of `fabrique serve` does by itself, about once a minute, off the request
// path: record when sessions and access tokens were last used, forget expired sessions, write the reminders of
// tomorrow's events, announce charter consultations as they open, tell groups their decisions closed, and write the
// digests of what people follow, and (SQLite) keep the query planner's statistics current, once a day. Each chore is
// its own transaction and is safe on several nodes (what one node does, another finds done). A failed chore is logged
// and tried again on the next round.
#pragma once
#include <chrono>
#include <functional>

#include "accounts/use_cases.hpp"
#include "common/loop.hpp"
#include "storage/database.hpp"

namespace fabrique::chores {

class Chores {
 public:
  using Clock = std::function<std::chrono::sys_seconds()>;
  static constexpr std::chrono::seconds kEvery{60};

  Chores(storage::Database& db, accounts::SeenSessions& seen, Clock clock = {});
  ~Chores() { stop(); }
  Chores(const Chores&) = delete;
  Chores& operator=(const Chores&) = delete;

  void start() { loop_.start(); }
  void stop() { loop_.stop(); }  // lets the chore in progress finish
  // Does every chore once, now (the thread's round; tests). Returns how many failed.
  int run_once();

 private:
  storage::Database& db_;
  accounts::SeenSessions& seen_;
  Clock clock_;
  std::chrono::steady_clock::time_point analysed_{};  // the last statistics for the query planner; never yet
  Loop loop_;                                         // last: its thread stops before the rest goes
};

}  // namespace fabrique::chores
