// Placing things on territories: territory_links, read for one thing or many in one query.
#include "territories/links.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>

#include "i18n/i18n.hpp"
#include "storage/settings.hpp"
#include "territories/store.hpp"

namespace fabrique::territories {

using i18n::N_;

std::vector<std::int64_t> resolve_places(storage::Connection& c, const std::vector<std::string>& keys,
                                         FieldErrors& errors, const std::string& field) {
  std::vector<std::string> wanted;
  std::set<std::string> seen;
  for (const auto& key : keys)
    if (!key.empty() && seen.insert(key).second) wanted.push_back(key);
  if (wanted.size() > kMaxPlaces) {
    errors.add(field, N_("Choose 50 territories at most: a région or a département covers all that lies in it."));
    return {};
  }
  const auto ids = store::ids_of(c, wanted);
  if (ids.size() != wanted.size()) {
    errors.add(field, N_("Choose territories from the ones the search offers."));
    return {};
  }
  std::vector<std::int64_t> out;
  for (const auto& key : wanted) out.push_back(ids.at(key));
  return out;
}

void place(storage::Connection& c, std::string_view subject, std::int64_t id,
           const std::vector<std::int64_t>& territory_ids) {
  unplace(c, subject, id);
  for (std::int64_t t : territory_ids)
    c.execute("INSERT INTO territory_links (subject, subject_id, territory_id) VALUES (?, ?, ?)",
              {std::string(subject), id, t});
}

void unplace(storage::Connection& c, std::string_view subject, std::int64_t id) {
  c.execute("DELETE FROM territory_links WHERE subject = ? AND subject_id = ?", {std::string(subject), id});
}

std::vector<TerritoryRef> places(storage::Connection& c, std::string_view subject, std::int64_t id) {
  auto all = places_of(c, subject, {id});
  return all.empty() ? std::vector<TerritoryRef>{} : std::move(all.begin()->second);
}

namespace {

// Every territory by id, shared until the territories change (storage/memo.hpp): a list's places are
// then its links alone, one probe of their index per thing, instead of a join of each link with its
// territory, that territory's département and région, and a sort (a fifth of a 100-event list's time,
// 1.6 of /coalitions.csv's 8.7 ms). The 36,000 territories of the official geography: a few megabytes.
// Only `fabrique territories load` writes them, and it stamps a change of everything
// (load_territories.cpp): kept for a day rather than the minute of values whose tables may change
// unstamped, which cost a request 25 ms of the large programme once a minute.
using Known = std::shared_ptr<const std::unordered_map<std::int64_t, store::KnownTerritory>>;
constexpr std::chrono::seconds kKnownKept = std::chrono::hours(24);

Known known_territories(storage::Connection& c) {
  return storage::settings::memo<Known>(
      c, "territories.every_ref",
      [&] {
        auto out = std::make_shared<std::unordered_map<std::int64_t, store::KnownTerritory>>();
        for (auto& t : store::every_ref(c)) out->emplace(t.id, std::move(t));
        return out;
      },
      kKnownKept);
}

}  // namespace

std::map<std::int64_t, std::vector<TerritoryRef>> places_of(storage::Connection& c, std::string_view subject,
                                                            const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::vector<TerritoryRef>> out;
  if (ids.empty()) return out;
  storage::Params p{std::string(subject)};
  p.insert(p.end(), ids.begin(), ids.end());
  if (c.memos != nullptr) {
    // By name, then id, as the query below orders them.
    const Known known = known_territories(c);
    std::map<std::int64_t, std::vector<const store::KnownTerritory*>> placed;
    for (const auto& r : c.query("SELECT subject_id, territory_id FROM territory_links WHERE subject = ? AND "
                                 "subject_id IN (" +
                                     storage::placeholders(ids.size()) + ")",
                                 p))
      if (auto it = known->find(r.integer(1)); it != known->end()) placed[r.integer(0)].push_back(&it->second);
    for (auto& [id, territories] : placed) {
      std::sort(territories.begin(), territories.end(), [](const auto* a, const auto* b) {
        return std::tie(a->name_key, a->id) < std::tie(b->name_key, b->id);
      });
      auto& refs = out[id];
      for (const auto* t : territories) refs.push_back(t->ref);
    }
    return out;
  }
  // A connection of its own (the command line) keeps no memo: the join, for this list alone.
  for (const auto& [id, ref] :
       store::refs_with(c,
                        "JOIN territory_links l ON l.territory_id = t.id WHERE l.subject = ? AND l.subject_id IN (" +
                            storage::placeholders(ids.size()) + ") ORDER BY t.name_key, t.id",
                        "l.subject_id", p))
    out[id].push_back(ref);
  return out;
}

std::vector<TerritoryRef> refs_of_keys(storage::Connection& c, const std::vector<std::string>& keys) {
  std::vector<TerritoryRef> out;
  std::set<std::string> seen;
  storage::Params p;
  for (const auto& k : keys)
    if (!k.empty() && seen.insert(k).second && p.size() < kMaxPlaces * 2) p.push_back(k);
  if (p.empty()) return out;
  for (auto& [id, ref] : store::refs_with(
           c, "WHERE t.key IN (" + storage::placeholders(p.size()) + ") ORDER BY t.name_key, t.id", "t.id", p))
    out.push_back(std::move(ref));
  return out;
}

// The links on the territory (?) or within it. Read from the territory down: CROSS JOIN keeps that order
// on SQLite, whose planner otherwise read every link of the kind and checked each one's territory
// (1.2 ms a kind on a département's page; 0.1 ms this way).
constexpr const char* kLinksWithin =
    "territory_ancestors ta CROSS JOIN territory_links tl WHERE tl.territory_id = ta.territory_id AND "
    "ta.ancestor_id = ?";

std::string within_sql(std::string_view subject, std::string_view id_column) {
  // Not a correlated EXISTS: that runs once per row of the list (every resource of the programme for
  // a territory's page); this set is read once, and then drives the rows.
  return fmt::format("{} IN (SELECT tl.subject_id FROM {} AND tl.subject = '{}')", id_column, kLinksWithin, subject);
}

std::string links_within_sql() { return std::string("SELECT tl.subject, tl.subject_id FROM ") + kLinksWithin; }

std::set<std::string> keys_with_places(storage::Connection& c) {
  std::set<std::string> out;
  for (const auto& r : c.query(
           "SELECT t.key FROM territories t WHERE t.level = 'region' OR EXISTS (SELECT 1 FROM territory_links l JOIN "
           "territory_ancestors a ON a.territory_id = l.territory_id WHERE a.ancestor_id = t.id)",
           {}))
    out.insert(r.text(0));
  return out;
}

std::optional<Territory> territory_named(storage::Connection& c, std::string_view words) {
  if (words.empty() || words.size() > 100) return std::nullopt;
  if (auto t = store::by_key(c, key_of(words))) return t;
  auto best = store::search(c, words, 1);
  if (best.empty()) return std::nullopt;
  return store::by_key(c, best.front().key);
}

namespace {

views::Choice territory_choice(TerritoryRef t) {
  return {.key = std::move(t.key),
          .label = std::move(t.name),
          .detail = std::move(t.within),
          .kind_label = level_label(t.level)};
}

constexpr views::PickerWords kTerritoryWords{
    .legend = N_("Territories"),
    .add = N_("Add a territory"),
    .hint =
        N_("Its name or code; the form comes back with the territories that match, nothing is saved until you save."),
    .button = N_("Search territories"),
    .none = N_("None yet: search for a région, a département, an intercommunality or a commune.")};

}  // namespace

Picker picker_of(storage::Connection& c, const std::vector<std::string>& chosen_keys, std::string_view query) {
  std::vector<views::Choice> chosen;
  for (auto& t : refs_of_keys(c, chosen_keys)) chosen.push_back(territory_choice(std::move(t)));
  return views::picker({"territoires", "territoire_q", "chercher_territoire"}, kTerritoryWords, std::move(chosen),
                       query, [&](const std::string& words, std::size_t limit) {
                         std::vector<views::Choice> out;
                         for (auto& t : store::search(c, words, static_cast<std::int64_t>(limit)))
                           if (!t.retired) out.push_back(territory_choice(std::move(t)));
                         return out;
                       });
}

}  // namespace fabrique::territories
