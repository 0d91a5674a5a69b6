// Invitations by mail (issue #17): an animateur, or a co-porteur for their coalition, invites
// addresses to a coalition (as member or co-porteur) or to an event; the mailed single-use link, once
// its holder has signed up or signed in, joins them or registers them.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace fabrique::invitations {

using std::chrono::sys_seconds;

inline constexpr std::chrono::days kValidity{14};  // how long a mailed link lasts
inline constexpr std::size_t kMaxMessage = 1000;   // characters of the personal message
inline constexpr std::size_t kMaxAddresses = 50;   // in one form

enum class Target { coalition, event };
enum class State { pending, accepted, expired, cancelled };

struct Invitation {
  std::int64_t id = 0;
  std::string email;
  Target target = Target::coalition;
  std::int64_t target_id = 0;  // the coalition's or the event's id
  std::string target_slug, target_title;
  bool co_porteur = false;  // a coalition invitation as co-porteur (else as member)
  std::string message;
  std::optional<std::int64_t> invited_by;
  std::string inviter_name;  // the inviter's name, for the mail and the list
  sys_seconds created_at{}, sent_at{}, expires_at{};
  std::optional<sys_seconds> accepted_at, cancelled_at;
  std::optional<std::int64_t> accepted_by;
  std::string accepted_by_name;
};

// Where the invitation stands at `now`.
State state(const Invitation& i, sys_seconds now);

}  // namespace fabrique::invitations
