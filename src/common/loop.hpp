// A background thread that does one round of work, then waits a while (or until stopped), again and
// again: the mail sender and the chores of `fabrique serve` each run on one.
#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace fabrique {

class Loop {
 public:
  // `round` must not throw: it catches and logs its own failures.
  Loop(std::chrono::milliseconds every, std::function<void()> round) : every_(every), round_(std::move(round)) {}
  ~Loop() { stop(); }
  Loop(const Loop&) = delete;
  Loop& operator=(const Loop&) = delete;

  void start() {
    if (thread_.joinable()) return;
    stopping_ = false;
    thread_ = std::thread([this] {
      for (;;) {
        round_();
        std::unique_lock lock(mutex_);
        if (wake_.wait_for(lock, every_, [this] { return stopping_.load(); })) return;
      }
    });
  }
  // Lets the round in progress finish, then returns.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
  }
  // For a long round to end early when asked to stop.
  bool stopping() const { return stopping_; }

 private:
  std::chrono::milliseconds every_;
  std::function<void()> round_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
};

}  // namespace fabrique
