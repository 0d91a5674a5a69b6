// SQL for territories: one query per list, the parents read with the row.
#include "territories/store.hpp"

#include <fmt/format.h>

#include "common/text.hpp"

namespace fabrique::territories::store {

namespace {

// What a TerritoryRef is read from (ref_of), then one more column (`{}`), then the rest of the query.
constexpr const char* kRefSelect =
    "SELECT t.key, t.name, t.level, COALESCE(d.name, ''), COALESCE(r.name, ''), t.population, t.retired, {} "
    "FROM territories t LEFT JOIN territories d ON d.id = t.departement_id "
    "LEFT JOIN territories r ON r.id = t.region_id ";

TerritoryRef ref_of(const storage::Row& r) {
  TerritoryRef out{.key = r.text(0), .name = r.text(1), .level = level_of(r.text(2)).value_or(Level::commune)};
  const std::string departement = r.text(3), region = r.text(4);
  if (out.level == Level::departement || out.level == Level::region)
    out.within = out.level == Level::departement ? region : "";
  else
    out.within = departement.empty() ? region : region.empty() ? departement : departement + ", " + region;
  out.population = r.optional_integer(5);
  out.retired = r.boolean(6);
  return out;
}

// Larger levels first: a région before a département before an EPCI before a commune.
constexpr const char* kLevelRank =
    "CASE t.level WHEN 'region' THEN 0 WHEN 'departement' THEN 1 WHEN 'epci' THEN 2 ELSE 3 END";

// The territories the rest of the query (`rest`: a WHERE, an ORDER BY) selects.
std::vector<TerritoryRef> refs(Connection& c, const std::string& rest, const storage::Params& p) {
  std::vector<TerritoryRef> out;
  for (auto& [id, ref] : refs_with(c, rest, "t.id", p)) out.push_back(std::move(ref));
  return out;
}

// The column of a child's row that names `t` as its parent, for the level of child asked for.
std::optional<std::string> parent_column(const Territory& t, Level child) {
  switch (t.level) {
    case Level::region:
      if (child == Level::departement) return "region_id";
      break;
    case Level::departement:
      if (child == Level::commune || child == Level::epci) return "departement_id";
      break;
    case Level::epci:
      if (child == Level::commune) return "epci_id";
      break;
    case Level::commune:
      if (child == Level::arrondissement) return "commune_id";
      break;
    case Level::arrondissement:
      break;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Territory> by_key(Connection& c, std::string_view key) {
  auto r = c.query_one(
      "SELECT id, key, level, code, name, kind, siren, population, region_id, departement_id, epci_id, commune_id, "
      "retired FROM territories WHERE key = ?",
      {std::string(key)});
  if (!r) return std::nullopt;
  return Territory{.id = r->integer(0),
                   .key = r->text(1),
                   .level = level_of(r->text(2)).value_or(Level::commune),
                   .code = r->text(3),
                   .name = r->text(4),
                   .kind = r->text(5),
                   .siren = r->text(6),
                   .population = r->optional_integer(7),
                   .region_id = r->optional_integer(8),
                   .departement_id = r->optional_integer(9),
                   .epci_id = r->optional_integer(10),
                   .commune_id = r->optional_integer(11),
                   .retired = r->boolean(12)};
}

std::vector<TerritoryRef> search(Connection& c, std::string_view query, std::int64_t limit) {
  const std::string folded = search_key(query);
  if (folded.empty()) return {};
  std::string like;  // LIKE's wildcards in what was typed match themselves
  for (char ch : folded) {
    if (ch == '%' || ch == '_' || ch == '\\') like += '\\';
    like += ch;
  }
  const std::string code = key_of(query.substr(0, 12));
  return refs(c,
              fmt::format("WHERE t.name_key LIKE ? ESCAPE '\\' OR t.key = ? OR t.key = ? "
                          "ORDER BY t.retired, CASE WHEN t.name_key = ? OR t.key = ? OR t.key = ? THEN 0 "
                          "WHEN t.name_key LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, {}, COALESCE(t.population, 0) DESC, "
                          "t.name_key, t.id LIMIT ?",
                          kLevelRank),
              {"%" + like + "%", code, region_key(code), folded, code, region_key(code), like + "%", limit});
}

std::vector<TerritoryRef> regions(Connection& c) {
  return refs(c, "WHERE t.level = 'region' AND t.retired = 0 ORDER BY t.name_key", {});
}

std::vector<TerritoryRef> parents(Connection& c, const Territory& t) {
  storage::Params ids;
  for (const auto& id : {t.region_id, t.departement_id, t.epci_id, t.commune_id})
    if (id && *id != t.id) ids.push_back(*id);
  if (ids.empty()) return {};
  return refs(c, "WHERE t.id IN (" + storage::placeholders(ids.size()) + ") ORDER BY " + kLevelRank, ids);
}

std::vector<TerritoryRef> children(Connection& c, const Territory& t, Level level, std::int64_t limit,
                                   std::int64_t offset) {
  auto column = parent_column(t, level);
  if (!column) return {};
  return refs(
      c, fmt::format("WHERE t.{} = ? AND t.level = ? ORDER BY t.retired, t.name_key, t.id LIMIT ? OFFSET ?", *column),
      {t.id, std::string(level_slug(level)), limit, offset});
}

std::int64_t count_children(Connection& c, const Territory& t, Level level) {
  auto column = parent_column(t, level);
  if (!column) return 0;
  return c.query_integer(fmt::format("SELECT COUNT(*) FROM territories WHERE {} = ? AND level = ?", *column),
                         {t.id, std::string(level_slug(level))});
}

std::vector<std::pair<std::int64_t, TerritoryRef>> refs_with(Connection& c, const std::string& rest,
                                                             std::string_view id_column,
                                                             const storage::Params& params) {
  std::vector<std::pair<std::int64_t, TerritoryRef>> out;
  const std::string select = fmt::format(fmt::runtime(kRefSelect), id_column);
  for (const auto& r : c.query(select + rest, params)) out.emplace_back(r.integer(7), ref_of(r));
  return out;
}

std::vector<KnownTerritory> every_ref(Connection& c) {
  std::vector<KnownTerritory> out;
  for (const auto& r : c.query(fmt::format(fmt::runtime(kRefSelect), "t.id, t.name_key")))
    out.push_back({r.integer(7), r.text(8), ref_of(r)});
  return out;
}

std::map<std::string, std::int64_t> ids_of(Connection& c, const std::vector<std::string>& keys) {
  std::map<std::string, std::int64_t> out;
  if (keys.empty()) return out;
  storage::Params p(keys.begin(), keys.end());
  for (const auto& r :
       c.query("SELECT key, id FROM territories WHERE key IN (" + storage::placeholders(p.size()) + ")", p))
    out.emplace(r.text(0), r.integer(1));
  return out;
}

std::map<std::string, std::int64_t> ids(Connection& c) {
  std::map<std::string, std::int64_t> out;
  for (const auto& r : c.query("SELECT key, id FROM territories")) out.emplace(r.text(0), r.integer(1));
  return out;
}

}  // namespace fabrique::territories::store
