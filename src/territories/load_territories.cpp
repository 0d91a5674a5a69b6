// Loading (or reloading) the COG: one transaction, codes updated in place, missing ones retired,
// the ancestors written again in a few INSERT … SELECT.
#include <map>
#include <set>
#include <stdexcept>

#include "common/text.hpp"
#include "storage/changes.hpp"
#include "territories/store.hpp"
#include "territories/use_cases.hpp"

namespace fabrique::territories {

namespace {

using storage::Params;
using storage::Value;

struct Row {
  std::string key;
  Level level;
  std::string code, name, kind, siren;
  std::optional<std::int64_t> population;
  std::string region, departement, epci, commune;  // the parents' keys, or empty
};

constexpr std::size_t kRowsPerInsert = 200;  // 13 values each: far below both engines' limits

class Writer {
 public:
  Writer(storage::Connection& c, const std::string& source, LoadResult& out)
      : c_(c), source_(source), out_(out), known_(store::ids(c)) {}

  // Writes the rows of one level, whose parents are written already.
  void write(const std::vector<Row>& rows) {
    std::vector<const Row*> fresh;
    for (const auto& row : rows) {
      if (!seen_.insert(row.key).second) continue;  // a code listed twice: the first wins
      if (auto it = known_.find(row.key); it != known_.end()) {
        Params p = values(row);
        p.push_back(it->second);
        c_.execute(
            "UPDATE territories SET level = ?, code = ?, name = ?, name_key = ?, kind = ?, siren = ?, population = ?, "
            "region_id = ?, departement_id = ?, epci_id = ?, commune_id = ?, source = ?, retired = 0 WHERE id = ?",
            p);
        ++out_.updated;
      } else {
        fresh.push_back(&row);
      }
    }
    for (std::size_t at = 0; at < fresh.size(); at += kRowsPerInsert) {
      std::string sql =
          "INSERT INTO territories (level, code, name, name_key, kind, siren, population, region_id, departement_id, "
          "epci_id, commune_id, source, key) VALUES ";
      Params p;
      for (std::size_t i = at; i < std::min(fresh.size(), at + kRowsPerInsert); ++i) {
        sql += i == at ? "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        Params one = values(*fresh[i]);
        one.push_back(fresh[i]->key);
        p.insert(p.end(), one.begin(), one.end());
      }
      c_.execute(sql, p);
      out_.added += static_cast<std::int64_t>(std::min(fresh.size(), at + kRowsPerInsert) - at);
    }
    if (!fresh.empty()) known_ = store::ids(c_);  // the new rows' ids, for their children
  }

  // Marks retired what an earlier load had and this one has not; lists them.
  void retire_the_rest() {
    std::vector<std::string> gone;
    for (const auto& [key, id] : known_)
      if (!seen_.contains(key)) gone.push_back(key);
    for (std::size_t at = 0; at < gone.size(); at += kRowsPerInsert) {
      Params p(gone.begin() + static_cast<std::ptrdiff_t>(at),
               gone.begin() + static_cast<std::ptrdiff_t>(std::min(gone.size(), at + kRowsPerInsert)));
      c_.execute("UPDATE territories SET retired = 1 WHERE key IN (" + storage::placeholders(p.size()) + ")", p);
    }
    for (const auto& key : gone)
      if (auto t = store::by_key(c_, key)) out_.retired.push_back({.key = t->key, .name = t->name, .level = t->level});
  }

 private:
  Value id_of(const std::string& key) const {
    if (key.empty()) return nullptr;
    auto it = known_.find(key);
    return it == known_.end() ? Value(nullptr) : Value(it->second);
  }
  Params values(const Row& r) const {
    return {std::string(level_slug(r.level)),
            r.code,
            r.name,
            search_key(r.name),
            r.kind,
            r.siren,
            r.population ? Value(*r.population) : Value(nullptr),
            id_of(r.region),
            id_of(r.departement),
            id_of(r.epci),
            id_of(r.commune),
            source_};
  }

  storage::Connection& c_;
  const std::string& source_;
  LoadResult& out_;
  std::map<std::string, std::int64_t> known_;
  std::set<std::string> seen_;
};

// Every territory with each territory it lies in, itself included (territory_ancestors).
void write_ancestors(storage::Connection& c) {
  c.execute("DELETE FROM territory_ancestors");
  for (const char* sql : {
           "SELECT id, id FROM territories",
           "SELECT id, region_id FROM territories WHERE region_id IS NOT NULL AND level <> 'epci'",
           "SELECT id, departement_id FROM territories WHERE departement_id IS NOT NULL "
           "AND level IN ('commune', 'arrondissement')",
           "SELECT id, epci_id FROM territories WHERE epci_id IS NOT NULL AND level = 'commune'",
           "SELECT id, commune_id FROM territories WHERE commune_id IS NOT NULL",
           "SELECT a.id, k.epci_id FROM territories a JOIN territories k ON k.id = a.commune_id "
           "WHERE a.level = 'arrondissement' AND k.epci_id IS NOT NULL",
           // An EPCI lies in every département and région its communes are in.
           "SELECT DISTINCT epci_id, departement_id FROM territories WHERE level = 'commune' "
           "AND epci_id IS NOT NULL AND departement_id IS NOT NULL",
           "SELECT DISTINCT epci_id, region_id FROM territories WHERE level = 'commune' "
           "AND epci_id IS NOT NULL AND region_id IS NOT NULL",
       })
    c.execute(std::string("INSERT INTO territory_ancestors (territory_id, ancestor_id) ") + sql);
}

}  // namespace

LoadResult load_territories(storage::Connection& c, const Cog& cog) {
  if (cog.regions.empty() || cog.communes.empty())
    throw std::runtime_error("this COG holds no région or no commune: nothing was loaded");
  LoadResult out;
  storage::Transaction tx(c, true);
  Writer w(c, cog.source, out);

  std::vector<Row> rows;
  for (const auto& r : cog.regions) rows.push_back({region_key(r.code), Level::region, r.code, r.name});
  w.write(rows);

  rows.clear();
  for (const auto& d : cog.departements)
    rows.push_back({.key = key_of(d.code),
                    .level = Level::departement,
                    .code = d.code,
                    .name = d.name,
                    .region = d.region.empty() ? "" : region_key(d.region)});
  w.write(rows);

  // An EPCI is placed in the département and région most of its communes are in.
  std::map<std::string, const Cog::Commune*> communes;
  for (const auto& k : cog.communes) communes.emplace(k.code, &k);
  std::map<std::string, std::string> epci_of;  // commune code → EPCI SIREN
  rows.clear();
  for (const auto& e : cog.epcis) {
    std::map<std::pair<std::string, std::string>, int> seats;
    for (const auto& code : e.communes) {
      epci_of.emplace(code, e.siren);
      if (auto it = communes.find(code); it != communes.end()) ++seats[{it->second->departement, it->second->region}];
    }
    std::pair<std::string, std::string> seat;
    int most = 0;
    for (const auto& [where, n] : seats)
      if (n > most) most = n, seat = where;
    rows.push_back({.key = e.siren,
                    .level = Level::epci,
                    .code = e.siren,
                    .name = e.name,
                    .kind = e.kind,
                    .siren = e.siren,
                    .population = e.population,
                    .region = seat.second.empty() ? "" : region_key(seat.second),
                    .departement = key_of(seat.first)});
  }
  w.write(rows);

  // A commune (in its EPCI) or a municipal arrondissement (in its commune).
  auto commune_row = [&](const Cog::Commune& k, Level level) {
    auto epci = level == Level::commune ? epci_of.find(k.code) : epci_of.end();
    return Row{.key = key_of(k.code),
               .level = level,
               .code = k.code,
               .name = k.name,
               .siren = k.siren,
               .population = k.population,
               .region = k.region.empty() ? "" : region_key(k.region),
               .departement = key_of(k.departement),
               .epci = epci == epci_of.end() ? "" : epci->second,
               .commune = key_of(k.commune)};
  };
  rows.clear();
  for (const auto& k : cog.communes) rows.push_back(commune_row(k, Level::commune));
  w.write(rows);
  rows.clear();
  for (const auto& a : cog.arrondissements) rows.push_back(commune_row(a, Level::arrondissement));
  w.write(rows);

  w.retire_the_rest();
  write_ancestors(c);
  // A reload from the command line is a change made outside the site: the pages and the territories
  // kept by running nodes (links.cpp) must follow it at once, not within a minute.
  storage::record_change_of_everything(c);
  tx.commit();
  return out;
}

}  // namespace fabrique::territories
