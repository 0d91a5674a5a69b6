// Accounts: people who sign in, their role in the programme and their public-name choice.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

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

// Limits on what a person may type.
inline constexpr std::size_t kMaxNameLength = 120;
inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;

}  // namespace fabrique::accounts
