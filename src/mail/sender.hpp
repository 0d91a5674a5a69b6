// The sender: a thread of `fabrique serve` that delivers the outbox, one mail at a time, through
// an SMTP server (libcurl) or, when none is configured, as .eml files in a directory.
#pragma once
#include <chrono>
#include <functional>
#include <string>

#include "common/loop.hpp"
#include "config/options.hpp"
#include "storage/database.hpp"

namespace fabrique::mail {

// What became of one delivery attempt.
struct Outcome {
  enum class Kind { sent, temporary, permanent } kind = Kind::sent;
  std::string error;  // the server's answer or why it could not be reached; empty when sent
};

// One attempt at handing `message` for `recipient` to the configured SMTP server (smtp.cpp).
// 5xx answers are permanent; 4xx, refused connections and time-outs are temporary.
Outcome send_smtp(const config::Options& options, const std::string& recipient, const std::string& message);
// Writes `message` to `directory`/`name`.eml, whole or not at all (smtp.cpp).
Outcome write_eml(const std::string& directory, const std::string& name, const std::string& message);

class Sender {
 public:
  using Clock = std::function<std::chrono::sys_seconds()>;
  Sender(storage::Database& db, const config::Options& options, Clock clock = {});
  ~Sender() { stop(); }
  Sender(const Sender&) = delete;
  Sender& operator=(const Sender&) = delete;

  void start() { loop_.start(); }
  // Lets the mail in flight finish (at most the SMTP time-out), then returns.
  void stop() { loop_.stop(); }
  // Delivers every mail due now, then returns how many attempts were made (tests, `fabrique`
  // commands). Safe beside a running thread: each mail is claimed once.
  int deliver_due();

 private:
  void round();
  storage::Database& db_;
  const config::Options& options_;
  Clock clock_;
  Loop loop_;  // last: its thread stops before the rest goes
};

}  // namespace fabrique::mail
