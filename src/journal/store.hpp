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
  std::optional<sys_seconds> from, until;    // published in [from, until)
  std::optional<std::int64_t> editable_by;
  bool all_unpublished = false;
  std::int64_t limit = -1, offset = 0;
};
std::vector<Post> posts(Connection& c, const PostFilter& f);  // newest first
std::int64_t count_posts(Connection& c, const PostFilter& f);
std::optional<Post> post(Connection& c, std::string_view slug);
bool slug_taken(Connection& c, std::string_view slug);
std::int64_t insert_post(Connection& c, const Post& p);
bool update_post(Connection& c, const Post& p);  // compare-and-set: revision p.revision - 1 → p.revision
void insert_revision(Connection& c, const Post& p, std::optional<std::int64_t> author, sys_seconds at,
                     std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<PostRevision> revisions(Connection& c, std::int64_t post_id);  // newest first
std::optional<PostRevision> revision(Connection& c, std::int64_t post_id, std::int64_t number);
// Whether the person is co-porteur of at least one coalition.
bool carries_a_coalition(Connection& c, std::int64_t user_id);

}  // namespace fabrique::journal::store
