// SQL for territories and their ancestors.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/database.hpp"
#include "territories/model.hpp"

namespace fabrique::territories::store {

using storage::Connection;

std::optional<Territory> by_key(Connection& c, std::string_view key);
// Territories whose folded name contains the folded `query`, or whose code or key starts with it:
// exact names first, then names that start with it; among equals the larger level (the région
// Bretagne before the commune of that name), then the most populous; retired ones last.
std::vector<TerritoryRef> search(Connection& c, std::string_view query, std::int64_t limit);
std::vector<TerritoryRef> regions(Connection& c);  // by name
// The territories `t` lies in, from the largest: its région, its département, its EPCI (and for a
// municipal arrondissement its commune).
std::vector<TerritoryRef> parents(Connection& c, const Territory& t);
// The territories of `level` directly within `t` (a région's départements, a département's EPCI or
// communes, an EPCI's communes, a commune's arrondissements), by name, one page.
std::vector<TerritoryRef> children(Connection& c, const Territory& t, Level level, std::int64_t limit,
                                   std::int64_t offset);
std::int64_t count_children(Connection& c, const Territory& t, Level level);

// Territories as lists show them, read with `rest` after the shared SELECT (a JOIN, a WHERE, an
// ORDER BY) and `params`; each with the value of `id_column` (the thing a link places there).
std::vector<std::pair<std::int64_t, TerritoryRef>> refs_with(Connection& c, const std::string& rest,
                                                             std::string_view id_column, const storage::Params& params);

// Every territory as lists show it, with its id and the key lists sort it by (its name's), in one
// query: what the places of many things are drawn from (links.cpp).
struct KnownTerritory {
  std::int64_t id = 0;
  std::string name_key;
  TerritoryRef ref;
};
std::vector<KnownTerritory> every_ref(Connection& c);

// The ids of the territories `keys` name (the unknown ones are missing), in one query.
std::map<std::string, std::int64_t> ids_of(Connection& c, const std::vector<std::string>& keys);
// For the loader: every key with its id.
std::map<std::string, std::int64_t> ids(Connection& c);

}  // namespace fabrique::territories::store
