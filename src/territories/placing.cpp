// What the pages of every module share to place their things on territories and to filter by them.
#include "territories/placing.hpp"

#include "territories/urls.hpp"
#include "views/html.hpp"

namespace fabrique::territories {

ListFilter list_filter(http::Context& ctx) {
  ListFilter f;
  f.words = ctx.query.get("territoire").substr(0, 100);
  if (auto t = territory_named(ctx.db, f.words)) {
    f.territory_id = t->id;
    f.territory = TerritoryRef{.key = t->key, .name = t->name, .level = t->level};
  }
  return f;
}

std::string filter_param(const ListFilter& f) {
  return f.words.empty() ? std::string() : "&territoire=" + html::url_encode(f.words);
}

bool picker_searched(const http::Context& ctx) { return !ctx.form.get("territoire_q").empty(); }

Picker form_picker(http::Context& ctx, const std::vector<std::string>& chosen_keys) {
  return picker_of(ctx.db, chosen_keys, ctx.form.get("territoire_q"));
}

std::vector<std::string> picked_keys(const http::Context& ctx) { return ctx.form.all("territoires"); }

std::vector<std::string> keys_of(const std::vector<TerritoryRef>& refs) {
  std::vector<std::string> out;
  for (const auto& t : refs) out.push_back(t.key);
  return out;
}

std::string places_csv(const std::vector<TerritoryRef>& refs) {
  std::string out;
  for (const auto& t : refs) out += (out.empty() ? "" : "; ") + t.key + " " + t.name;
  return out;
}

std::string place_names(const std::vector<TerritoryRef>& refs) {
  std::string out;
  for (const auto& t : refs) out += (out.empty() ? "" : ", ") + t.name;
  return out;
}

boost::json::array places_json(const http::Context& ctx, const std::vector<TerritoryRef>& refs) {
  boost::json::array out;
  for (const auto& t : refs)
    out.push_back({{"key", t.key}, {"name", t.name}, {"url", ctx.base_url + urls::territory(t.key)}});
  return out;
}

}  // namespace fabrique::territories
