// The programme's journal: posts (a "Retour sur" an event, a launch, a call, an announcement, a
// podcast or video…) written in Markdown, drafts until published, visible from their publication date.
#pragma once
#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "commons/model.hpp"
#include "i18n/i18n.hpp"
#include "territories/model.hpp"

namespace fabrique::journal {

using commons::Choice;
using commons::CoalitionRef;
using std::chrono::sys_seconds;

inline constexpr std::array<Choice, 6> kKinds = {{
    {"retour-sur", i18n::N_("Looking back")},
    {"lancement", i18n::N_("Launch")},
    {"appel", i18n::N_("Call for participation")},
    {"annonce", i18n::N_("Announcement")},
    {"podcast", i18n::N_("Podcast or video")},
    {"autre", i18n::N_("Other")},
}};
const Choice* kind(std::string_view slug);  // nullptr when unknown

inline constexpr std::size_t kMaxTitle = 200;
inline constexpr std::size_t kMaxSummary = 600;
inline constexpr std::size_t kMaxBody = 50 * 1024;
inline constexpr std::size_t kMaxLink = 500;
inline constexpr std::int64_t kPerPage = 20;
inline constexpr std::size_t kMaxLinks = 50;  // things of one kind a post may link to
inline constexpr std::int64_t kLatest = 3;    // the latest posts shown on the home, coalition and event pages

// A thing a post links to, as its page names it: an event (with its date), a dataset, a resource.
struct LinkRef {
  std::int64_t id = 0;
  std::string slug, title;
  std::optional<sys_seconds> date;  // an event's start
};

// What a post speaks of: its coalitions (they decide who may edit it), events, datasets, the
// resources attached to it, and the territories it is placed on.
struct PostLinks {
  std::vector<CoalitionRef> coalitions;
  std::vector<LinkRef> events, datasets, resources;
  std::vector<territories::TerritoryRef> places;
};

enum class Status { draft, published };

struct Post {
  std::int64_t id = 0;
  std::string slug, title, kind, link, summary, body;  // summary and body: Markdown
  PostLinks links;
  Status status = Status::draft;
  std::optional<sys_seconds> published_at;  // set once published; may lie ahead (scheduled)
  std::optional<std::int64_t> author_id;
  std::string author_name;  // public name, or empty
  std::int64_t revision = 1;
  sys_seconds created_at{}, updated_at{};

  // Published and its date reached: everyone sees it.
  bool visible_at(sys_seconds now) const { return status == Status::published && published_at && *published_at <= now; }
};

// One state of a post, as saved (its coalitions by their slugs, space-separated; empty when none).
struct PostRevision {
  std::int64_t number = 0;
  sys_seconds created_at{};
  std::string author_name;
  std::string title, kind, link, summary, body, coalitions;
  std::optional<std::int64_t> merged_with;
};

}  // namespace fabrique::journal
