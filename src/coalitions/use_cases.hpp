// What people do with coalitions. Each use case is one transaction, checks permissions itself, and
// knows nothing of HTTP: pages, the JSON API, the demo loader and tests call these functions.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "coalitions/model.hpp"
#include "common/errors.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::coalitions {

using accounts::User;

// May `actor` edit this coalition's booklet and fields? Animateurs and its co-porteurs.
bool can_edit(storage::Connection& c, const User* actor, std::int64_t coalition_id);

struct CoalitionInput {
  std::string number;
  std::string title;
  std::string slug;  // optional on creation (made from the title); ignored on update
  std::string summary;
  std::string family;                  // family slug
  std::string cohort;                  // cohort slug, or empty
  std::string stage;                   // stage slug
  std::string animating_organisation;  // organisation slug, or empty
  bool scale_local = false, scale_national = false, scale_european = false;
  std::vector<std::string> territories;  // the keys of the territories it is placed on (territories/links.hpp)
};

struct SaveResult {
  FieldErrors errors;
  std::optional<Coalition> coalition;
};

// create_coalition.cpp. Animateurs only. Outcomes: created at its stage (recorded in the history) |
// field errors (empty title, duplicate number or slug, unknown family, cohort, stage, organisation or territory).
SaveResult create_coalition(storage::Connection& c, const User& actor, const CoalitionInput& in, sys_seconds now);

// update_coalition.cpp. Co-porteurs and animateurs. A change of stage is recorded with its date and
// author. Outcomes: saved | field errors | Forbidden | NotFound.
SaveResult update_coalition(storage::Connection& c, const User& actor, std::string_view slug, const CoalitionInput& in,
                            sys_seconds now);

struct BookletEdit {
  std::int64_t base_revision = 0;  // the revision the editor started from
  Booklet sections;                // every section of the form (missing ones are left as they are)
  std::string comment;
  text::MergeAnswer merge;  // from the conflict page: how each section both sides changed was settled
};

struct BookletResult {
  FieldErrors errors;
  // Set when someone saved since base_revision and changed a section the person changed too, to
  // another text: nothing was written. The page shows those sections side by side (`conflicts`,
  // with `base`, `current` and `mine`) to settle, and the rest merged, to save again from
  // `current_revision`. Also set, with errors, when a settlement is missing.
  bool conflict = false;
  std::int64_t current_revision = 0;
  std::int64_t merge_base = 0;         // the revision both started from
  std::vector<std::string> conflicts;  // the sections to settle, in key order
  Booklet current;                     // the booklet as it is now (their text)
  Booklet base;                        // as it was at merge_base
  Booklet mine;                        // the person's own text
  Booklet merged;                      // what the form shows next: merged, with mine where to settle
  bool unchanged = false;              // nothing differed: no revision was made
  std::int64_t revision = 0;           // the new revision number
  std::int64_t merged_with = 0;        // the revision saved meanwhile that the new one was merged with
};

// save_booklet.cpp. Co-porteurs and animateurs. A form from an older revision is merged section by
// section with what was saved since (text::merge_fields), so that it never undoes someone else's
// work. Outcomes: new revision (merged_with set after a merge) | unchanged | conflict (sections to
// settle) | field errors (a section over 100 KB, bad characters, comment too long, a conflict left
// unsettled) | Forbidden | NotFound.
BookletResult save_booklet(storage::Connection& c, const User& actor, std::string_view slug, const BookletEdit& edit,
                           sys_seconds now);

// restore_revision.cpp. Makes a new revision whose text is that of revision `number`.
// Outcomes: the new revision number (0 if it was already the current text) | Forbidden | NotFound.
std::int64_t restore_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                              sys_seconds now);

struct DeclarationInput {
  std::string organisation;  // slug of one of the person's organisations, or empty
  bool commande = false, offre = false, usages = false;
  std::string message;  // what they can bring
};

// declare_interest.cpp. Any signed-in person; a second declaration updates the first.
// Outcomes: saved | field errors (organisation not theirs, message too long) | NotFound.
FieldErrors declare_interest(storage::Connection& c, const User& actor, std::string_view slug,
                             const DeclarationInput& in, sys_seconds now);
// Withdraws the actor's declaration (and nothing else). NotFound if the coalition does not exist.
void withdraw_interest(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now);

enum class RoleChange { membre, co_porteur, remove };
// set_member_role.cpp. Co-porteurs and animateurs make a person membre or co-porteur, or remove
// them.
// Outcomes: done | Forbidden | NotFound (coalition or person).
void set_member_role(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t user_id,
                     RoleChange change, sys_seconds now);

// index_booklet.cpp. Puts the coalition's title, summary and booklet in the search index (type
// "booklet"); the use cases above call it inside their transaction, so results are never stale.
void index_booklet(storage::Connection& c, std::string_view slug);

}  // namespace fabrique::coalitions
