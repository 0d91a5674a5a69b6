// The journal's use cases: who may write, writing a post (saved as a draft, published now or from a
// later date), and editing it as a new revision merged with what was saved meanwhile. They know
// nothing of HTTP; permissions are checked inside.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "journal/model.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::journal {

using accounts::User;

// What the form sends. `publish_on` is a Paris date ("2026-12-15") or empty: today. What the post
// links to, by slugs (territories by keys).
struct PostInput {
  std::string title, kind, link, summary, body;
  std::vector<std::string> coalitions, events, datasets, resources, territories;
  bool publish = false;  // else kept as a draft
  std::string publish_on;
  std::int64_t base_revision = -1;  // edits: the revision the form was drawn from
};

struct PostResult {
  FieldErrors errors;
  std::optional<Post> post;
  bool conflict = false;  // someone saved meanwhile and both changed the same field: nothing written
  std::vector<std::string> conflicts;
  std::int64_t merged_with = 0;  // the revision saved meanwhile this save was merged with, or 0
};

// permissions.cpp. Animateurs write any post; co-porteurs only posts linked to a coalition they
// carry (among others); nobody else.
bool can_write(storage::Connection& c, const User* actor);
bool can_edit(storage::Connection& c, const User* actor, const Post& p);
// Published and its date reached, or editable by the actor.
bool can_see(storage::Connection& c, const User* actor, const Post& p, sys_seconds now);

// validation.cpp. `in` checked and turned into a post's fields and links (no id, slug, revision);
// errors under the form's field names. `territory_ids` receives the places' ids.
Post validate(storage::Connection& c, const User& actor, const PostInput& in, sys_seconds now, FieldErrors& errors,
              std::vector<std::int64_t>& territory_ids);

// index_post.cpp. The post's entry in the search: published ones only, found from their date on.
// Inside the caller's transaction.
void index_post(storage::Connection& c, const Post& p);

// write_post.cpp. Outcomes: written (draft, published or scheduled) | errors (nothing written) | Forbidden.
PostResult write_post(storage::Connection& c, const User& actor, const PostInput& in, sys_seconds now);
// update_post.cpp. Every change is a new revision; a form from an older revision is merged field by
// field with what was saved since. Outcomes: saved | unchanged | errors | conflict | Forbidden | NotFound.
PostResult update_post(storage::Connection& c, const User& actor, std::string_view slug, const PostInput& in,
                       sys_seconds now);

}  // namespace fabrique::journal
