// What people do with datasets. Each use case is one transaction; permission checks live here.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "accounts/model.hpp"
#include "common/errors.hpp"
#include "datasets/model.hpp"
#include "storage/database.hpp"
#include "text/merge.hpp"

namespace fabrique::datasets {

using accounts::User;
using std::chrono::sys_seconds;

// A distribution as typed in the form (its size still text).
struct DistributionInput {
  std::string access_url, format, media_type, byte_size;
  bool operator==(const DistributionInput&) const = default;
};

// An entry as the form sends it: every field as typed, the themes' slugs and the territories' keys.
struct DatasetInput {
  std::string title, description;
  std::string producer;  // the producing organisation's slug
  std::string contact, keywords, licence, frequency;
  std::string temporal_start, temporal_end, issued, modified;
  std::string conforms_to, conforms_to_url;
  std::vector<std::string> themes;       // slugs of the theme taxonomy
  std::vector<std::string> territories;  // keys (territories/links.hpp): its spatial coverage
  std::vector<DistributionInput> distributions;
  std::int64_t base_revision = 0;  // the revision the form was drawn from (edits)
  text::MergeAnswer merge;         // how the fields to settle were settled, after a conflict
};

// The entry's fields as revisions keep them and the merge compares them, named as the form names
// them: lists joined (themes and territories by ", ", distributions a line each, tab-separated).
text::Fields as_fields(const DatasetInput& in);
DatasetInput input_of(const text::Fields& f, std::int64_t base_revision);
// The entry as its edit form starts (`territory_keys`: where it is placed).
DatasetInput input_of(const Dataset& d, const std::vector<std::string>& territory_keys);

struct SaveResult {
  FieldErrors errors;
  std::optional<Dataset> dataset;
  // Someone saved since the form was drawn and changed the same fields: nothing written. The fields
  // to settle, the entry's fields at merge_base, now (theirs) and as sent (mine), and the form to
  // show next (what only one side changed already merged).
  bool conflict = false;
  std::vector<std::string> conflicts;
  std::int64_t merge_base = 0;
  text::Fields base, theirs, mine;
  std::optional<DatasetInput> merged;
  std::int64_t merged_with = 0;  // the save was merged with this revision
};

// Animateurs, and members of the producing organisation.
bool can_edit(storage::Connection& c, const User* actor, const Dataset& d);

// create_dataset.cpp. Any signed-in person, for an organisation they belong to (animateurs: any).
// Outcomes: created as revision 1 | field errors (empty title, description or licence, unknown
// producer or one the person does not belong to, unknown theme or territory, no territory, an
// address that is not http(s), a bad date or size, too long), nothing written.
SaveResult create_dataset(storage::Connection& c, const User& actor, const DatasetInput& in, sys_seconds now);

// update_dataset.cpp. Those who can_edit. Every change is a new revision; a form from an older
// revision is merged field by field with what was saved since (text::merge_fields), a field both
// changed differently is to settle first. Outcomes: saved | unchanged | field errors | conflict |
// Forbidden | NotFound.
SaveResult update_dataset(storage::Connection& c, const User& actor, std::string_view slug, const DatasetInput& in,
                          sys_seconds now);

// import_datasets.cpp. Reads a DCAT catalogue in JSON-LD (ours, or a data portal's) and adds its
// datasets, or writes a new revision of those whose dct:identifier is already an entry's address
// (unchanged when they say the same). Publishers are found by their page here or their name, and
// added (kind "autre") when unknown. All or nothing.
struct ImportResult {
  int created = 0, updated = 0, unchanged = 0;
  std::vector<std::string> errors;  // "dataset 3 (slug): field: message"; nothing is written when not empty
};
ImportResult import_datasets(storage::Connection& c, std::string_view jsonld, sys_seconds now);

// index_dataset.cpp. Puts the entry in the search index (type "dataset"), inside the caller's
// transaction; reindex_datasets indexes them all (search::reindex).
void index_dataset(storage::Connection& c, const Dataset& d);
std::int64_t reindex_datasets(storage::Connection& c);

}  // namespace fabrique::datasets
