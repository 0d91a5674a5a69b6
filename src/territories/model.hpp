// Territories: the official geography (COG) — régions, départements, EPCI, communes and the
// municipal arrondissements of Paris, Lyon and Marseille — on which things of the programme are placed.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fabrique::territories {

enum class Level { region, departement, epci, commune, arrondissement };
std::string_view level_slug(Level l);  // "region", "departement"…
std::optional<Level> level_of(std::string_view slug);
const char* level_label(Level l);   // English msgid: "Région", "Département"…
const char* levels_label(Level l);  // the plural, as a heading: "Départements", "Communes"…

struct Territory {
  std::int64_t id = 0;
  std::string key;  // its address: /territoires/{key} (see migrations/0016_territories.sql)
  Level level = Level::commune;
  std::string code, name, kind, siren;
  std::optional<std::int64_t> population;
  std::optional<std::int64_t> region_id, departement_id, epci_id, commune_id;
  bool retired = false;
};

// A territory as a list shows it: its name with where it lies ("Brest — Finistère, Bretagne").
struct TerritoryRef {
  std::string key, name;
  Level level = Level::commune;
  std::string within;  // the names of its département and région, or of its région
  std::optional<std::int64_t> population;
  bool retired = false;
};

// The address of a territory from its code: in lower case, as every address of the site ("2a004" for
// Ajaccio, whose INSEE code is 2A004).
inline std::string key_of(std::string_view code) {
  std::string out(code);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}
// A name as searched: folded (lower case, no accents) with hyphens, apostrophes and every other
// punctuation as one space, so that "ille et vilaine" finds Ille-et-Vilaine and "l abergement" L'Abergement.
std::string search_key(std::string_view name);

// The address of a région: its code after "region-", since région and département codes overlap.
inline std::string region_key(std::string_view code) { return "region-" + key_of(code); }

// What one version of the COG holds, as read from @etalab/decoupage-administratif's data files.
struct Cog {
  struct Region {
    std::string code, name;
  };
  struct Departement {
    std::string code, name, region;
  };
  struct Epci {
    std::string siren, name, kind;
    std::optional<std::int64_t> population;
    std::vector<std::string> communes;  // the INSEE codes of its member communes
  };
  struct Commune {
    std::string code, name, siren, departement, region;
    std::string commune;  // for a municipal arrondissement: its commune's code
    std::optional<std::int64_t> population;
  };
  std::string source;  // "@etalab/decoupage-administratif 6.0.0"
  std::vector<Region> regions;
  std::vector<Departement> departements;
  std::vector<Epci> epcis;
  std::vector<Commune> communes, arrondissements;
};

}  // namespace fabrique::territories
