// How use cases report what went wrong: field errors for bad input, exceptions for refusals, and
// what a request was refused for, as the HTTP layer may listen to it.
#pragma once
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fabrique {

// What the request being handled on this thread is refused for, noted while a Refusal lives there:
// every field error added (FieldErrors::add, in order) and the revision a refused form would be sent
// again from (a conflict's current revision, noted by the form's hidden revision field). The HTTP
// layer listens only while it answers a request made with an access token (http/api.cpp), which
// gets these as JSON instead of the page that shows them; otherwise nothing is noted.
class Refusal {
 public:
  Refusal() : outer_(current_) { current_ = this; }
  ~Refusal() { current_ = outer_; }
  Refusal(const Refusal&) = delete;
  Refusal& operator=(const Refusal&) = delete;

  // The Refusal listening on this thread, or nullptr.
  static Refusal* listening() { return current_; }
  static void note_revision(std::int64_t revision) {
    if (current_ && !current_->revision) current_->revision = revision;
  }

  std::vector<std::pair<std::string, const char*>> errors;  // field, English msgid
  std::optional<std::int64_t> revision;

 private:
  Refusal* outer_;
  static inline thread_local Refusal* current_ = nullptr;
};

// Bad input, field by field. Messages are English msgids, translated when displayed.
class FieldErrors {
 public:
  void add(std::string field, const char* message) {
    if (Refusal* r = Refusal::listening()) r->errors.emplace_back(field, message);
    items_.emplace_back(std::move(field), message);
  }
  bool empty() const { return items_.empty(); }
  // The first message for `field`, or nullptr.
  const char* find(std::string_view field) const {
    for (const auto& [f, m] : items_)
      if (f == field) return m;
    return nullptr;
  }
  const std::vector<std::pair<std::string, const char*>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, const char*>> items_;
};

// The actor may not do this (HTTP 403). The message is an English msgid.
class Forbidden : public std::runtime_error {
 public:
  explicit Forbidden(const char* message) : std::runtime_error(message), message_(message) {}
  const char* message() const { return message_; }

 private:
  const char* message_;
};

// The thing acted on does not exist (HTTP 404).
class NotFound : public std::runtime_error {
 public:
  NotFound() : std::runtime_error("not found") {}
};

}  // namespace fabrique
