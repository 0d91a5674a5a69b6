// Placing things on territories, for every module: which territories a thing is on, the choice of
// them in a form (the picker, which works without JavaScript), and the SQL that narrows a list to a
// territory and everything within it.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.hpp"
#include "storage/database.hpp"
#include "territories/model.hpp"
#include "views/picker.hpp"

namespace fabrique::territories {

// The kinds of thing placed on territories, as stored in territory_links.subject.
namespace subject {
inline constexpr std::string_view organisation = "organisation";
inline constexpr std::string_view coalition = "coalition";
inline constexpr std::string_view event = "event";
inline constexpr std::string_view resource = "resource";
inline constexpr std::string_view card = "boussole_card";
inline constexpr std::string_view observatory_entry = "observatory_entry";
inline constexpr std::string_view dataset = "dataset";
inline constexpr std::string_view reuse = "reuse";
inline constexpr std::string_view data_request = "data_request";
// A member's proposed observatory entry (a contribution) until editors accept it: the entry then
// takes its territories.
inline constexpr std::string_view proposed_entry = "proposed_entry";
inline constexpr std::string_view post = "post";  // the journal's
}  // namespace subject

inline constexpr std::size_t kMaxPlaces = 50;  // territories one thing may be placed on

// The territories `keys` name, for a thing's form: unknown keys (or more than kMaxPlaces) add an
// error on `field`; the ids of the others, each once.
std::vector<std::int64_t> resolve_places(storage::Connection& c, const std::vector<std::string>& keys,
                                         FieldErrors& errors, const std::string& field);
// Places the thing on exactly `territory_ids` (inside the caller's transaction).
void place(storage::Connection& c, std::string_view subject, std::int64_t id,
           const std::vector<std::int64_t>& territory_ids);
void unplace(storage::Connection& c, std::string_view subject, std::int64_t id);
// The territories the thing is on, by name; for many things at once, one query.
std::vector<TerritoryRef> places(storage::Connection& c, std::string_view subject, std::int64_t id);
std::map<std::int64_t, std::vector<TerritoryRef>> places_of(storage::Connection& c, std::string_view subject,
                                                            const std::vector<std::int64_t>& ids);
// places_of for the things of a list (anything with an `id`): one query.
template <class Thing>
std::map<std::int64_t, std::vector<TerritoryRef>> places_of(storage::Connection& c, std::string_view subject,
                                                            const std::vector<Thing>& things) {
  std::vector<std::int64_t> ids;
  ids.reserve(things.size());
  for (const auto& t : things) ids.push_back(t.id);
  return places_of(c, subject, ids);
}
// A thing's territories in a CSV cell (the "territoires" column): "29019 Brest; 29 Finistère"; their
// names for a list's row: "Brest, Finistère" (placing.cpp).
std::string places_csv(const std::vector<TerritoryRef>& refs);
std::string place_names(const std::vector<TerritoryRef>& refs);
std::vector<TerritoryRef> refs_of_keys(storage::Connection& c, const std::vector<std::string>& keys);

// "`id_column` IN (…)": the thing whose id is `id_column` is placed on the territory given as the one
// parameter `?`, or on one within it.
std::string within_sql(std::string_view subject, std::string_view id_column);
// Every link on the territory whose id is bound to its one ? or within it, as (subject, subject_id): the
// same walk as within_sql's, for every kind at once.
std::string links_within_sql();

// The keys of the territories worth a page in the static archive: the régions, and every territory
// something is placed on or within (not the 36,000 communes).
std::set<std::string> keys_with_places(storage::Connection& c);

// A list's filter, ?territoire= (a key or words): the territory it names, if any, and the words as typed.
struct ListFilter {
  std::string words;                         // as typed, 100 characters at most
  std::optional<TerritoryRef> territory;     // what they name
  std::optional<std::int64_t> territory_id;  // its id, for the store's filter
};

// The territory a list's filter names (?territoire=): its key, else the best match of those words
// ("finistere", "Brest"); nothing when none matches.
std::optional<Territory> territory_named(storage::Connection& c, std::string_view words);

// The picker of a form (views/picker.hpp) over territories: what is chosen (kept as typed on an
// error), and, when the person searched, the territories matching their words, to tick. Field names:
// "territoires" (each chosen key), "territoire_q" (the words), and the button "chercher_territoire".
// A form whose picker searched is drawn again (200), nothing saved: the person then ticks what they wanted.
using Picker = views::Picker;
Picker picker_of(storage::Connection& c, const std::vector<std::string>& chosen_keys, std::string_view query);

}  // namespace fabrique::territories
