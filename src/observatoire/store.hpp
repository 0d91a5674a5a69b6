// SQL for the observatory: public bodies, entries and their revisions, score history,
// contributions, replies and the editors' role.
#pragma once
#include <optional>
#include <vector>

#include "observatoire/model.hpp"
#include "storage/database.hpp"

namespace fabrique::observatoire::store {

using storage::Connection;

// --- editors
bool is_editor(Connection& c, std::int64_t user_id);
std::vector<Editor> editors(Connection& c);
void grant_editor(Connection& c, std::int64_t user_id, std::int64_t by, sys_seconds now);
void revoke_editor(Connection& c, std::int64_t user_id);

// --- public bodies
std::optional<Body> body_by_slug(Connection& c, std::string_view slug);
std::optional<Body> body_by_siren(Connection& c, std::string_view siren);
std::vector<Body> bodies(Connection& c);  // by name
std::int64_t insert_body(Connection& c, const std::string& slug, const std::string& name, const std::string& siren,
                         sys_seconds now);
void rename_body(Connection& c, std::int64_t body_id, const std::string& name);
void set_body_organisation(Connection& c, std::int64_t body_id, std::optional<std::int64_t> organisation_id);
bool body_slug_taken(Connection& c, std::string_view slug);

// --- entries
enum class Sort { name, openness, explainability, total, updated };
struct Filter {
  std::optional<std::int64_t> body_id;
  // The public bodies whose SIREN is that of this territory or of one within it (territories module).
  std::optional<std::int64_t> territory_id;
  // Placed on this territory or on one within it, or of a public body as territory_id above: the
  // scoreboard's ?territoire=.
  std::optional<std::int64_t> within_id;
  std::string theme, status, category;
  std::optional<Band> openness_band, explainability_band;
  Sort sort = Sort::name;
  std::int64_t limit = -1;  // -1: all
  std::int64_t offset = 0;
  // By name only: the entries after this one, so that a whole export is read a batch at a time
  // without counting its way past the batches read already (as an offset would).
  std::optional<std::int64_t> after_id;
  // Only what a list shows: in doc.fields the name, status, category and theme (the columns kept
  // beside the document), in score the two axes (no points per criterion). Parsing 100 documents
  // and scores was 70 % of a public body's page.
  bool summary = false;
};
std::vector<Entry> list(Connection& c, const Filter& f = {});
std::int64_t count(Connection& c, const Filter& f);
std::vector<std::string> themes(Connection& c);
std::optional<Entry> by_slug(Connection& c, std::string_view slug);
std::optional<Entry> by_uuid(Connection& c, std::string_view uuid);
bool slug_taken(Connection& c, std::string_view slug);
// Inserts the entry at revision 1 and returns its id.
std::int64_t insert(Connection& c, const Entry& e);
// Moves the entry to revision e.revision if it is still at e.revision - 1 (false otherwise).
bool update(Connection& c, const Entry& e);

void insert_revision(Connection& c, std::int64_t entry_id, std::int64_t number, const Document& d,
                     std::optional<std::int64_t> author, const std::string& source, const std::string& comment,
                     sys_seconds at, std::optional<std::int64_t> merged_with = std::nullopt);
std::vector<Revision> revisions(Connection& c, std::int64_t entry_id);  // newest first
std::optional<Document> document_at(Connection& c, std::int64_t entry_id, std::int64_t number);

// Changes to every entry, newest first (the Atom feed).
struct Change {
  std::string entry_slug, entry_name;
  std::int64_t number = 0;
  sys_seconds at{};
  std::string comment, source;
};
std::vector<Change> recent_changes(Connection& c, std::int64_t limit);

void insert_score(Connection& c, std::int64_t entry_id, std::int64_t revision, const Score& s, sys_seconds at);
std::vector<ScoreRecord> score_history(Connection& c, std::int64_t entry_id);  // oldest first

// --- contributions
std::int64_t insert_contribution(Connection& c, const Contribution& k);
std::optional<Contribution> contribution(Connection& c, std::int64_t id);
// Contributions oldest first: those with `status`, about `entry_id`, sent by `contributor_id` (any
// when nothing).
std::vector<Contribution> contributions(Connection& c, std::optional<ContributionStatus> status,
                                        std::optional<std::int64_t> entry_id = std::nullopt,
                                        std::optional<std::int64_t> contributor_id = std::nullopt);
// Records the decision if the contribution is still pending (false otherwise).
bool decide(Connection& c, std::int64_t id, ContributionStatus status, const std::string& reason, std::int64_t by,
            sys_seconds at);

// --- replies
void insert_reply(Connection& c, std::int64_t entry_id, std::int64_t organisation_id, std::int64_t author_id,
                  const std::string& text, sys_seconds at);
std::vector<Reply> replies(Connection& c, std::int64_t entry_id);

const char* status_key(ContributionStatus s);
const char* kind_key(ContributionKind k);

}  // namespace fabrique::observatoire::store
