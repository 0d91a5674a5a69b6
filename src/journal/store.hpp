// SQL for the journal's posts and their revisions: portable, next to the functions that use it.
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "journal/model.hpp"
#include "storage/database.hpp"

namespace fabrique::journal::store {

using storage::Connection;

// What the list keeps. Everyone sees the posts published by `now`; `editable_by` adds the drafts and
// scheduled posts of that author, `all_unpublished` every one (animateurs).
struct PostFilter {
  sys_seconds now{};
  std::string kind;                          // empty: every kind
  std::optional<std::int64_t> coalition_id;  // posts linked to it
  std::optional<std::int64_t> event_id;      // posts linked to it
  std::optional<std::int64_t> territory_id;  // posts placed on it or within it
  std::optional<sys_seconds> from, until;    // published in [from, until)
  std::optional<std::int64_t> editable_by;
  bool all_unpublished = false;
  std::int64_t limit = -1, offset = 0;
};
std::vector<Post> posts(Connection& c, const PostFilter& f);  // newest first, without their links
// The links of these posts (their places included), in three queries whatever their number.
void load_links(Connection& c, std::vector<Post>& posts);
std::int64_t count_posts(Connection& c, const PostFilter& f);
std::optional<Post> post(Connection& c, std::string_view slug);  // with its links
bool slug_taken(Connection& c, std::string_view slug);
std::int64_t insert_post(Connection& c, const Post& p);
bool update_post(Connection& c, const Post& p);  // compare-and-set: revision p.revision - 1 → p.revision
void insert_revision(Connection& c, const Post& p, std::optional<std::int64_t> author, sys_seconds at,
                     std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<PostRevision> revisions(Connection& c, std::int64_t post_id);  // newest first
std::optional<PostRevision> revision(Connection& c, std::int64_t post_id, std::int64_t number);
// The post links to exactly these coalitions, events, datasets and resources, in this order
// (inside the caller's transaction; the places are territories::place's).
void set_links(Connection& c, std::int64_t post_id, const PostLinks& links);

// The kinds of thing a post links to besides coalitions, as their tables and columns name them.
enum class Linked { event, dataset, resource };
// Those of one kind `slugs` name, in that order, each once; unknown slugs are left out.
std::vector<LinkRef> named(Connection& c, Linked kind, const std::vector<std::string>& slugs);
// Every thing of a kind that may be linked to (resources: the published ones), newest first.
std::vector<LinkRef> linkable(Connection& c, Linked kind);

// Whether the person is co-porteur of at least one coalition.
bool carries_a_coalition(Connection& c, std::int64_t user_id);

}  // namespace fabrique::journal::store
