// How use cases report what went wrong: field errors for bad input, exceptions for refusals.
#pragma once
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace fabrique {

// Bad input, field by field. Messages are English msgids, translated when displayed.
class FieldErrors {
 public:
  void add(std::string field, const char* message) { items_.emplace_back(std::move(field), message); }
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
