// The journal's newsletters (issue #17): one published post, or a digest of chosen posts and the
// upcoming events, mailed by an animateur to all members or to the followers of chosen coalitions,
// and kept as it was sent.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commons/model.hpp"

namespace fabrique::newsletters {

using commons::CoalitionRef;
using std::chrono::sys_seconds;

inline constexpr std::size_t kMaxSubject = 200;
inline constexpr std::size_t kMaxIntroduction = 10 * 1024;
inline constexpr std::size_t kRecentPosts = 20;  // the posts the form offers, newest first
inline constexpr int kMaxWeeks = 12;             // how far ahead the form offers events
inline constexpr std::int64_t kPerPage = 20;

// The mail kind (notifications::kNewsletters): what a person turns off, by the one-click link too.
inline constexpr const char* kMailKind = "newsletters";

enum class Content { post, digest };
enum class Audience { members, followers };

// A post or an event as the newsletter showed it.
struct Item {
  enum class Kind { post, event } kind = Kind::post;
  std::string slug, title;
  std::string summary, body;  // Markdown; body: only for a newsletter that is one post
  std::string place;          // an event's
  sys_seconds at{};           // a post's publication, an event's start
};

struct Newsletter {
  std::int64_t id = 0;
  std::string subject, introduction;  // introduction: Markdown
  Content content = Content::digest;
  Audience audience = Audience::members;
  std::vector<CoalitionRef> coalitions;  // with Audience::followers
  std::vector<Item> items;
  std::optional<std::int64_t> sender_id;
  std::string sender_name;  // public name, or empty
  std::int64_t recipients = 0;
  sys_seconds sent_at{};
};

// Someone a newsletter is mailed to.
struct Recipient {
  std::int64_t user_id = 0;
  std::string email, name, lang;
};

}  // namespace fabrique::newsletters
