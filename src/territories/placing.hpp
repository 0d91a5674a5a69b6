// What the pages of every module share to place their things on territories and to narrow their
// lists to one (links.hpp holds the queries): the list's ?territoire= filter, the picker's search
// (the form drawn again, nothing saved), and a thing's territories in its JSON.
#pragma once
#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "http/context.hpp"
#include "territories/links.hpp"
#include "territories/model.hpp"

namespace fabrique::territories {

// A list's ?territoire= (ListFilter, links.hpp), as the query string has it.
ListFilter list_filter(http::Context& ctx);
// "&territoire=…" for a list's pager or links, empty when no words were typed.
std::string filter_param(const ListFilter& f);

// The form's picker searched (its words are not empty): the form is drawn again with the
// territories to tick, and nothing is saved.
bool picker_searched(const http::Context& ctx);
// The picker of a form, from the keys it shows chosen and the words the form searched.
Picker form_picker(http::Context& ctx, const std::vector<std::string>& chosen_keys);
// The keys the form ticked ("territoires").
std::vector<std::string> picked_keys(const http::Context& ctx);
// The keys of territories, for an edit form that starts from where the thing is.
std::vector<std::string> keys_of(const std::vector<TerritoryRef>& refs);

// A thing's territories in its JSON: [{key, name, url}].
boost::json::array places_json(const http::Context& ctx, const std::vector<TerritoryRef>& refs);

// The JSON items of a list, `object_of` each thing with its "territories" added: one query for the
// whole list (places_of), never one per thing.
template <class Thing, class ObjectOf>
boost::json::array with_places(http::Context& ctx, std::string_view subject, const std::vector<Thing>& things,
                               ObjectOf object_of) {
  std::vector<std::int64_t> ids;
  for (const auto& t : things) ids.push_back(t.id);
  auto places = places_of(ctx.db, subject, ids);
  boost::json::array out;
  for (const auto& t : things) {
    boost::json::object o = object_of(t);
    o["territories"] = places_json(ctx, places[t.id]);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace fabrique::territories
