// The sender: a thread of `fabrique serve` that delivers the outbox, one mail at a time, through
// an SMTP server (libcurl, one connection for a round's mails) or, when none is configured, as .eml
// files in a directory.
#pragma once
#include <array>
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

// Writes `message` to `directory`/`name`.eml, whole or not at all (smtp.cpp).
Outcome write_eml(const std::string& directory, const std::string& name, const std::string& message);

// Where one round of the sender hands its mails (smtp.cpp): the configured SMTP server through
// libcurl, on one connection kept open from one mail to the next and closed with the round; or,
// without smtp_url, .eml files in mail_dir.
class Delivery {
 public:
  explicit Delivery(const config::Options& options);
  ~Delivery();
  Delivery(const Delivery&) = delete;
  Delivery& operator=(const Delivery&) = delete;

  // One attempt at handing `message` for `recipient` over (`name`: its file's name without SMTP).
  // 5xx answers are permanent; 4xx, refused connections and time-outs are temporary.
  Outcome deliver(const std::string& name, const std::string& recipient, const std::string& message);

 private:
  Outcome send(const std::string& recipient, const std::string& message);
  const config::Options& options_;
  void* curl_ = nullptr;           // libcurl's easy handle (CURL*), made at the first mail over SMTP
  std::string last_reply_;         // the server's last refusal (a 4xx or 5xx line)
  std::array<char, 256> error_{};  // libcurl's error buffer (CURL_ERROR_SIZE)
  bool directory_made_ = false;
};

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
