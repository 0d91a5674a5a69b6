// What people do with the observatory. Each use case is one transaction, checks permissions
// itself, and knows nothing of HTTP: pages, the CLI import, the demo loader and tests call them.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "observatoire/model.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::observatoire {

using accounts::User;

// May `actor` edit entries and moderate contributions? Observatory editors and animateurs.
bool can_edit(storage::Connection& c, const User* actor);
// invite_reply.cpp. Inside the caller's transaction, when entry `e` is first published: its public
// body's contact, when it is an e-mail address, is invited by mail to use the right of reply, and the
// members of the organisation that speaks for the body are told.
void invite_reply(storage::Connection& c, const Entry& e, sys_seconds now);
// permissions.cpp. Inside the caller's transaction: the editors and animateurs (but `actor`) are told
// that a contribution about `about` waits for their review.
void tell_editors(storage::Connection& c, const User& actor, const std::string& about, sys_seconds now);

struct SaveResult {
  FieldErrors errors;
  // Set when someone saved since base_revision: nothing was written.
  bool conflict = false;
  bool unchanged = false;
  std::optional<Entry> entry;
  // update_entry: a save merged with a revision saved meanwhile names it (0 otherwise). When fields both
  // changed are left to settle (merge.to_settle()), or the merged entry is refused, `form` is the
  // document to draw again from revision `form_revision`: what only one side changed already merged.
  std::int64_t merged_with = 0;
  text::Resolution merge;
  std::optional<Document> form;
  std::int64_t form_revision = 0;
};

// create_entry.cpp. Editors. Outcomes: created at revision 1 with its computed score | field errors |
// Forbidden.
// `places` are the keys of the territories it is placed on (territories/links.hpp).
SaveResult create_entry(storage::Connection& c, const User& actor, const Document& doc, const std::string& source,
                        sys_seconds now, const std::vector<std::string>& places = {});

struct EntryEdit {
  std::int64_t base_revision = 0;  // the revision the editor started from
  Document doc;                    // the whole entry as the form sends it (fields, lists, evidence)
  std::string source;              // where the change comes from
  std::string comment;
  // The keys of the territories it is placed on: not part of its revisions; none (nullopt) leaves
  // them as they are.
  std::optional<std::vector<std::string>> territories;
  text::MergeAnswer merge;  // what the conflict page answered, if the form comes from one
};
// update_entry.cpp. Editors. A form from an older revision is merged field by field (form_fields.hpp)
// with what was saved meanwhile: what only one side changed is kept; the fields both changed
// differently are to settle first, and nothing is written until every one is. The score is recomputed
// from the evidence; a new score row is kept when it changed. Outcomes: new revision (perhaps merged) |
// unchanged | fields to settle or conflict (409) | field errors | Forbidden | NotFound.
SaveResult update_entry(storage::Connection& c, const User& actor, std::string_view slug, const EntryEdit& edit,
                        sys_seconds now);

// propose_entry.cpp. Any member proposes a new entry, with a source, placed on territories (`places`:
// their keys), which the entry takes when editors accept it. Outcomes: the contribution's id | field
// errors (the entry's own checks, a source missing or too long, an unknown territory).
std::int64_t propose_entry(storage::Connection& c, const User& actor, const Document& doc, const std::string& source,
                           FieldErrors& errors, sys_seconds now, const std::vector<std::string>& places = {});

// A correction of one field or of one criterion's evidence, as corrections were sent before the whole
// entry could be corrected at once: how those still waiting are moderated.
struct Correction {
  ContributionKind kind = ContributionKind::field;  // field or evidence
  std::string target;                               // field key, or criterion id
  std::string value;                                // for a field
  Evidence evidence;                                // for a criterion (criterion = target)
  std::string source;
};

// A correction of the whole entry in one submission (issue #19): the entry as the correction form sends
// it (every field, the evidence of every criterion), from revision `base_revision`.
struct EntryCorrection {
  std::int64_t base_revision = 0;
  Document doc;
  std::string source;
};
// propose_correction.cpp. Any member proposes a correction of an entry: what differs from the revision
// the form was drawn from is kept as one contribution (the fields changed and the evidence given).
// Outcomes: the contribution's id | field errors beside each field (the entry's own checks, nothing
// changed, a source missing or too long) | NotFound.
std::int64_t propose_entry_correction(storage::Connection& c, const User& actor, std::string_view slug,
                                      const EntryCorrection& in, FieldErrors& errors, sys_seconds now);
// What a correction proposes: the form fields it changes (form_fields.hpp) and the revision its form
// was drawn from (accept_contribution.cpp).
struct ProposedChanges {
  std::int64_t base_revision = 0;
  text::Fields changes;
};
ProposedChanges proposed_changes(const Contribution& k);

// What editors decide, in the same review, on the evidence of a proposed entry or the pieces of a
// correction (correction_item): those they do not accept (the others are accepted), and why, for the
// contributor.
struct EvidenceReview {
  std::vector<std::string> not_accepted;
  std::string reason;
};
// accept_contribution.cpp. Editors accept a pending contribution, possibly edited first (`edited`:
// the value or evidence they corrected; empty to keep the proposal). A proposed entry is published
// with the evidence `review` accepts, criterion by criterion, and its score computed from it; a
// correction writes what `review` accepts, field by field and criterion by criterion, as one revision
// of the entry (accepting none of it rejects it, with the reason). The
// change becomes a revision whose source is the contribution's; the contributor is notified of what
// was accepted. Outcomes: the entry's slug | field errors (the edited value is wrong, the entry would
// no longer be valid, evidence not accepted without a reason) | Forbidden | NotFound (or already
// decided).
std::string accept_contribution(storage::Connection& c, const User& actor, std::int64_t id,
                                const std::optional<Correction>& edited, const EvidenceReview& review,
                                FieldErrors& errors, sys_seconds now);

// The correction a contribution proposes, as its contributor wrote it (accept_contribution.cpp).
Correction proposed_correction(const Contribution& k);
// Applies correction `k` to `doc`, checked on its own: what accepting it does, and what the preview of
// a correction shows. Errors carry the names of the correction form ("value", "evidence_url"…).
void apply_correction(Document& doc, const Correction& k, FieldErrors& errors, sys_seconds now);

// reject_contribution.cpp. Editors reject with a reason; the contributor is notified.
// Outcomes: done | field errors (no reason) | Forbidden | NotFound (or already decided).
FieldErrors reject_contribution(storage::Connection& c, const User& actor, std::int64_t id, const std::string& reason,
                                sys_seconds now);

// answer_entry.cpp. The right of reply: a member of the organisation that speaks for the entry's
// public body answers on it. Outcomes: published | field errors (empty, too long) | Forbidden | NotFound.
FieldErrors answer_entry(storage::Connection& c, const User& actor, std::string_view slug, const std::string& text,
                         sys_seconds now);

// link_body.cpp. Editors say which organisation of the site speaks for a public body (or none).
// Outcomes: done | field errors (unknown organisation) | Forbidden | NotFound.
FieldErrors link_body(storage::Connection& c, const User& actor, std::string_view body_slug,
                      const std::string& organisation_slug);

// set_editor.cpp. Animateurs give the observatory editor role to a person (by e-mail) or take it back.
// Outcomes: done | field errors (no account with that address) | Forbidden.
FieldErrors grant_editor(storage::Connection& c, const User& actor, const std::string& email, sys_seconds now);
void revoke_editor(storage::Connection& c, const User& actor, std::int64_t user_id);

struct ImportResult {
  int created = 0, updated = 0, unchanged = 0;
  std::vector<std::string> errors;  // "entry 3 (slug): message"; nothing is written when not empty
};
// import_entries.cpp. Reads an export of /observatoire.json and reproduces its entries (same id,
// address, content, dates) and their scores, computed again from the evidence. All or nothing.
ImportResult import_entries(storage::Connection& c, std::string_view json_text, sys_seconds now);
// One entry of an import file as read and checked without the database: `error` says why it cannot be
// imported, or is empty and the other fields hold the validated entry.
struct ImportedEntry {
  std::string error;  // "entry 3 (slug): message"
  int number = 0;     // its place in the file, from 1
  Document doc;
  std::string uuid, slug;
  sys_seconds published{}, updated{};
};
// The pure half of import_entries (parsing, validation, the claimed score against the evidence), also
// what the import fuzzer runs: the entries in file order, or nothing when the file is not an export.
std::optional<std::vector<ImportedEntry>> parse_import(std::string_view json_text, sys_seconds now);

// search.cpp. What the site-wide search indexes for an entry: its title and its text.
struct Searchable {
  std::string title, text, url;
};
Searchable searchable(const Entry& e);
// Puts the entry in the site-wide search (type "algorithm", public): write_entry calls it for every
// new revision, inside the use case's transaction, and so does `fabrique search reindex`.
void index_entry(storage::Connection& c, const Entry& e);

}  // namespace fabrique::observatoire
