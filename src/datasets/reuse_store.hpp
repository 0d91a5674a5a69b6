// SQL for reuses: the reuse, the datasets it uses, its purposes and audiences, and the producers'
// answers.
#pragma once
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "datasets/reuse_model.hpp"
#include "storage/database.hpp"

namespace fabrique::datasets::reuse_store {

using std::chrono::sys_seconds;
using storage::Connection;

// The list's filters; a list is newest first, then by id.
struct Filter {
  std::string kind;      // empty: any
  std::string audience;  // empty: any
  std::optional<std::int64_t> dataset_id;
  std::optional<std::int64_t> producer_id;   // of a dataset it uses
  std::optional<std::int64_t> territory_id;  // placed on it or on a territory within it
  std::int64_t limit = -1;                   // -1: all
  std::int64_t offset = 0;
};
// With their datasets, purposes and audiences (one query each for the whole page).
std::vector<Reuse> list(Connection& c, const Filter& f);
std::int64_t count(Connection& c, const Filter& f);
std::optional<Reuse> by_id(Connection& c, std::int64_t id);

std::int64_t insert(Connection& c, const Reuse& r, sys_seconds now);
void update(Connection& c, const Reuse& r, sys_seconds now);
// Links the reuse to exactly these datasets, purposes and audiences.
void set_links(Connection& c, std::int64_t reuse_id, const std::vector<std::int64_t>& dataset_ids,
               const std::vector<std::string>& purposes, const std::vector<std::string>& audiences);

// The number of reuses of each of `dataset_ids` (those without any left out).
std::map<std::int64_t, std::int64_t> counts_of(Connection& c, const std::vector<std::int64_t>& dataset_ids);
// The ids of the reuses of each of `dataset_ids`, for the catalogue's dct:isReferencedBy.
std::map<std::int64_t, std::vector<std::int64_t>> reuses_of(Connection& c,
                                                            const std::vector<std::int64_t>& dataset_ids);

// The answers to a reuse, by organisation name.
std::vector<ReuseAnswer> answers(Connection& c, std::int64_t reuse_id);
// Writes the organisation's answer, or replaces it.
void save_answer(Connection& c, std::int64_t reuse_id, std::int64_t organisation_id, const std::string& body,
                 std::int64_t author_id, sys_seconds now);

}  // namespace fabrique::datasets::reuse_store
