// SQL for datasets: the entry in force, its themes and distributions, and its revisions.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "datasets/model.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets::store {

using std::chrono::sys_seconds;
using storage::Connection;

// The lists' filters; a list is sorted by title, then id (stable for paging).
struct Filter {
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::optional<std::int64_t> theme_id;
  std::optional<std::int64_t> producer_id;
  std::string format;                             // a distribution of this format (any case); empty: any
  std::string licence;                            // empty: any
  bool reused = false;                            // only those with at least one reuse
  std::optional<std::vector<std::string>> slugs;  // only these (what a search found)
  std::optional<sys_seconds> updated_since;
  std::optional<std::int64_t> after_id;  // those after this one in the list's order (storage/batches.hpp)
  std::int64_t limit = -1;               // -1: all
  std::int64_t offset = 0;
};
// With their themes and distributions (one query each for the whole page).
std::vector<Dataset> list(Connection& c, const Filter& f);
std::int64_t count(Connection& c, const Filter& f);
std::optional<Dataset> by_slug(Connection& c, std::string_view slug);
bool slug_taken(Connection& c, std::string_view slug);

// The formats and producers found in the register, for the lists' filters.
std::vector<std::string> formats(Connection& c);
struct Producer {
  std::int64_t id = 0;
  std::string slug, name;
};
std::vector<Producer> producers(Connection& c);

std::int64_t insert(Connection& c, const Dataset& d, std::optional<std::int64_t> author, sys_seconds now);
// Writes `d` as revision d.revision if the entry is still at d.revision - 1; false if it moved on.
bool update(Connection& c, const Dataset& d, sys_seconds now);
void set_themes(Connection& c, std::int64_t dataset_id, const std::vector<std::int64_t>& theme_ids);
void set_distributions(Connection& c, std::int64_t dataset_id, const std::vector<Distribution>& distributions);

void insert_revision(Connection& c, std::int64_t dataset_id, std::int64_t number, std::optional<std::int64_t> author,
                     sys_seconds now, std::optional<std::int64_t> merged_with, const std::string& document);
std::vector<Revision> revisions(Connection& c, std::int64_t dataset_id);  // newest first
std::optional<Revision> revision(Connection& c, std::int64_t dataset_id, std::int64_t number);

}  // namespace fabrique::datasets::store
