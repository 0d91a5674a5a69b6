// What people do with the commons. Each use case is one transaction, checks permissions itself,
// keeps the search index current in that same transaction, and knows nothing of HTTP.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "commons/model.hpp"
#include "files/files.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::commons {

using accounts::User;

// --- Resources (permissions.cpp)

// Animateurs, and co-porteurs of a coalition the resource is linked to.
bool can_publish(storage::Connection& c, const User* actor, const Resource& r);
// Those who may publish it, and its submitter.
bool can_edit(storage::Connection& c, const User* actor, const Resource& r);
// Drafts are seen by those who may edit them.
bool can_see(storage::Connection& c, const User* actor, const Resource& r);

struct ResourceInput {
  std::string title;
  std::string description;
  std::string url;
  // A file sent with the form (PDF, slides, office document, image; 20 MB at most, its type read
  // from its content), stored in the same transaction; it replaces the file of an edited resource.
  const files::Upload* file = nullptr;
  std::string kind;
  std::string licence;
  std::string creator;                  // who made it, credited as the licence asks
  std::string tags;                     // comma-separated
  std::vector<std::string> coalitions;  // slugs
  std::int64_t base_revision = 0;       // on edit: the revision the form was made from
  // The keys of the territories it is placed on (territories/links.hpp): not part of its revisions;
  // none (nullopt) leaves them as they are, as when a revision is restored.
  std::optional<std::vector<std::string>> territories;
  text::MergeAnswer merge;  // from the conflict page: how each field both sides changed was settled
};

struct ResourceResult {
  FieldErrors errors;
  bool conflict = false;  // someone saved since base_revision: nothing was written
  std::optional<Resource> resource;
  // After a form from an older revision that changed a field someone else changed meanwhile,
  // differently (or left such a field unsettled): the fields to settle, and the form to show next.
  text::Resolution merge;
  std::optional<ResourceInput> merged;
  std::int64_t merged_with = 0;  // the new revision was merged with that one, saved meanwhile
};

// propose_resource.cpp. Any signed-in person. Published at once when the actor may publish it (an
// animateur, a co-porteur of a linked coalition); a proposal (draft) otherwise.
// Outcomes: saved | field errors (title, link or file, a file too big, executable or not matching its
// name, kind, unknown licence, tags, coalitions) | Forbidden.
ResourceResult propose_resource(storage::Connection& c, const User& actor, const ResourceInput& in, sys_seconds now);

// update_resource.cpp. Those who may edit it. Every change is a new revision; a form from an older
// revision is merged field by field with what was saved since (text::resolve; the file a form sends
// is its own change). Outcomes: saved (merged_with set after a merge) | unchanged | conflict (fields
// to settle) | field errors | Forbidden | NotFound.
ResourceResult update_resource(storage::Connection& c, const User& actor, std::string_view slug,
                               const ResourceInput& in, sys_seconds now);

// publish_resource.cpp. Those who may publish it. Outcomes: published | Forbidden | NotFound.
void publish_resource(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now);

// delete_resource.cpp. Animateurs, and the submitter of a draft. It leaves the search results at once.
// Outcomes: deleted | Forbidden | NotFound.
void delete_resource(storage::Connection& c, const User& actor, std::string_view slug);

// The resource's file, for download: NotFound when it has none or the actor may not see it.
files::StoredFile resource_file(storage::Connection& c, const User* actor, std::string_view slug, std::string& bytes);

// restore_resource.cpp. Those who may publish it bring back the metadata of an old revision (title,
// description, link, kind, licence, tags, coalitions; the file stays), as a new revision. The form
// sends the revision it was made from: a resource saved since is a conflict.
// Outcomes: saved | unchanged | conflict | field errors (the old metadata is no longer accepted) |
// Forbidden | NotFound (the resource or the revision).
ResourceResult restore_resource_revision(storage::Connection& c, const User& actor, std::string_view slug,
                                         std::int64_t number, std::int64_t base_revision, sys_seconds now);

// Puts the resource in the search index (a draft only for those who may edit it).
void index_resource(storage::Connection& c, const Resource& r);

// --- The charter

struct CharterDraftInput {
  std::string label;
  std::string summary;
  std::map<std::string, std::string> sections;
};

struct CharterResult {
  FieldErrors errors;
  std::int64_t number = 0;
};

// draft_charter_version.cpp. Animateurs. One version in progress at a time.
// Outcomes: the new version's number | field errors (sections too long, another version in progress)
// | Forbidden.
CharterResult draft_charter_version(storage::Connection& c, const User& actor, const CharterDraftInput& in,
                                    sys_seconds now);

struct CharterEdit {
  FieldErrors errors;
  bool frozen = false;    // its consultation has opened (or it is adopted): nothing was written
  bool conflict = false;  // saved by someone else since the form was made: nothing was written
};

// edit_charter_draft.cpp. Animateurs change the label, summary and sections of a draft until its
// consultation opens. `base_updated_at` is the draft's updated_at when the form was made.
// Outcomes: saved | frozen | conflict | field errors (sections too long) | Forbidden | NotFound.
CharterEdit edit_charter_draft(storage::Connection& c, const User& actor, std::int64_t number,
                               const CharterDraftInput& in, std::int64_t base_updated_at, sys_seconds now);

// open_consultation.cpp. Animateurs open a draft version for comments during `days` days (1 to 90).
// Outcomes: opened | field errors (days; already adopted) | Forbidden | NotFound.
FieldErrors open_consultation(storage::Connection& c, const User& actor, std::int64_t number, int days,
                              sys_seconds now);

// comment_charter.cpp. Any signed-in person, on one section, only while the consultation is open.
// Outcomes: saved | field errors (outside the consultation period, unknown section, empty or too long)
// | NotFound.
FieldErrors comment_charter(storage::Connection& c, const User& actor, std::int64_t number, const std::string& section,
                            const std::string& body, sys_seconds now);

// adopt_charter_version.cpp. Animateurs adopt a version that went through consultation (ending it if
// still open). Signatories of the previous version are then asked to sign again.
// Outcomes: adopted | field errors (never consulted, already adopted) | Forbidden | NotFound.
FieldErrors adopt_charter_version(storage::Connection& c, const User& actor, std::int64_t number, sys_seconds now);

// sign_charter.cpp. A member signs the current (latest adopted) version for themselves, or for an
// organisation they belong to (organisation slug).
// Outcomes: signed | field errors (not adopted or not current, not their organisation, signed
// already) | NotFound.
FieldErrors sign_charter(storage::Connection& c, const User& actor, std::int64_t number,
                         const std::string& organisation, sys_seconds now);

// Re-signatures the version in force (number `current`) is waiting for, among `all` the signatures
// (store::signatures, newest version first): signatures of an earlier version whose signer (person,
// or organisation) has not signed the current one yet, once per signer.
std::vector<Signature> awaiting_resignature(const std::vector<Signature>& all, std::int64_t current);

// --- The boussole

bool can_publish(storage::Connection& c, const User* actor, const Card& k);
bool can_edit(storage::Connection& c, const User* actor, const Card& k);
bool can_see(storage::Connection& c, const User* actor, const Card& k);

struct CardInput {
  std::string title, context, tried, outcome, learned, tensions, sources;
  std::string coalition;  // slug, or empty
  std::int64_t base_revision = 0;
  text::MergeAnswer merge;  // from the conflict page: how each field both sides changed was settled
  // The keys of the territories it is placed on: not part of its revisions, never merged; none
  // (nullopt) leaves them as they are, as when a revision is restored.
  std::optional<std::vector<std::string>> territories;
};

struct CardResult {
  FieldErrors errors;
  bool conflict = false;
  std::optional<Card> card;
  // After a form from an older revision, when someone saved meanwhile and changed a field this
  // person changed too, differently (or left such a field unsettled): the fields to settle, the
  // card's fields at merge_base, now (their revision) and as sent, and the form to show next.
  std::vector<std::string> conflicts;
  std::int64_t merge_base = 0;
  text::Fields base, theirs, mine;
  std::optional<CardInput> merged;
  std::int64_t merged_with = 0;  // the new revision was merged with that one, saved meanwhile
};

// propose_card.cpp. Any signed-in person; published at once for those who may publish it.
// Outcomes: saved | field errors (title, outcome, coalition, lengths).
CardResult propose_card(storage::Connection& c, const User& actor, const CardInput& in, sys_seconds now);
// update_card.cpp. Every change is a new revision; a form from an older revision is merged field by
// field with what was saved since (text::merge_fields). Outcomes: saved (merged_with set after a
// merge) | unchanged | conflict (fields to settle) | field errors | Forbidden | NotFound.
CardResult update_card(storage::Connection& c, const User& actor, std::string_view slug, const CardInput& in,
                       sys_seconds now);
// publish_card.cpp. Animateurs and co-porteurs of the card's coalition. Outcomes: published | Forbidden | NotFound.
void publish_card(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now);

// restore_card.cpp. Animateurs and co-porteurs of the card's coalition bring back an old revision,
// as a new revision. Outcomes: saved | unchanged | conflict | field errors | Forbidden | NotFound.
CardResult restore_card_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                                 std::int64_t base_revision, sys_seconds now);

void index_card(storage::Connection& c, const Card& k);

// announce_consultation.cpp. A chore (src/chores/), in one write transaction: each charter version
// whose consultation has opened and was not announced yet is marked announced, and everyone with an
// account is told (on the site, and by mail per their choices). Returns how many versions.
int announce_consultations(storage::Connection& c, sys_seconds now);

// forget_drafts.cpp. Deletes the drafts `user_id` submitted (resources with their files, boussole
// cards), never published and so seen by nobody else, with their search entries; inside the
// caller's write transaction (their account is being deleted). Returns how many.
int forget_drafts(storage::Connection& c, std::int64_t user_id);

}  // namespace fabrique::commons
