// Accounts: people who sign in, their role in the programme, their public-name choice and the
// personal access tokens they give their scripts.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

#include "i18n/i18n.hpp"

namespace fabrique::accounts {

enum class Role { member, animateur };

struct User {
  std::int64_t id = 0;
  std::string email;
  std::string name;
  Role role = Role::member;
  bool show_name = false;  // the person agreed to have their name shown publicly
  std::chrono::sys_seconds created_at{};

  bool is_animateur() const { return role == Role::animateur; }
};

// The name a deleted account is shown under, in the programme's language: what its owner made public
// stays, by "ancien membre".
inline constexpr const char* kFormerMember = "ancien membre";

// A personal access token as its owner sees it on /compte: never the token itself, which is shown
// once when it is made and then kept only as a hash.
struct AccessToken {
  std::int64_t id = 0;
  std::string name;
  bool can_read = false;   // scope `read`: GET of the JSON and CSV documents, as the owner
  bool can_write = false;  // scope `write`: POST to the forms' addresses, as the owner
  std::chrono::sys_seconds created_at{}, expires_at{};
  std::optional<std::chrono::sys_seconds> last_used_at;  // written by the chores, about once a minute
};

// Whom a token acts for: its owner, in their language (users.language), within its scopes.
struct TokenOwner {
  User user;
  i18n::Lang lang = i18n::Lang::fr;
  AccessToken token;
};

// Limits on what a person may type.
inline constexpr std::size_t kMaxNameLength = 120;
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;
inline constexpr std::size_t kMaxTokenNameLength = 100;
inline constexpr std::size_t kMaxTokensPerPerson = 20;

}  // namespace fabrique::accounts
