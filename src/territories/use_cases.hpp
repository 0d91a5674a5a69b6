// What can be done with territories: load (or reload) the COG.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "storage/database.hpp"
#include "territories/model.hpp"

namespace fabrique::territories {

// Reads the data files of @etalab/decoupage-administratif (regions.json, departements.json,
// epci.json, communes.json) in `dir`, and its version from ../package.json when there is one. Keeps
// the current communes and the municipal arrondissements (not the former communes, délégués or
// associées, which share their codes). Throws std::runtime_error naming the file that is missing or
// not what it should be.
Cog read_cog(const std::filesystem::path& dir);

struct LoadResult {
  std::int64_t added = 0, updated = 0;
  // Territories of an earlier load whose code this COG no longer has: kept, marked retired, with
  // what was placed on them, for an animateur to move (their keys and names).
  std::vector<TerritoryRef> retired;
};
// Loads `cog` in one transaction: new codes added, known ones updated in place (so that what was
// placed on them stays), missing ones marked retired; then every territory's ancestors are written
// again. Refuses (std::runtime_error, nothing written) a COG without régions or communes.
LoadResult load_territories(storage::Connection& c, const Cog& cog);

}  // namespace fabrique::territories
