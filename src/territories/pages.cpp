// Finding a territory and showing one: where it lies, what lies in it, what is placed there.
#include "territories/pages.hpp"

#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/store.hpp"
#include "observatoire/urls.hpp"
#include "storage/settings.hpp"
#include "territories/placed.hpp"
#include "territories/store.hpp"
#include "territories/templates/territories.hpp"
#include "territories/urls.hpp"
#include "territories/view_models.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"

namespace fabrique::territories::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr std::int64_t kResults = 30;     // search results shown
constexpr std::int64_t kPerPage = 100;    // children per page (a département has up to 700 communes)
constexpr std::size_t kMaxQuery = 100;    // characters of a search kept
constexpr std::int64_t kPlacedShown = 5;  // things of each kind placed here shown on the page

// The levels of what lies directly in a territory of `level`.
std::vector<Level> child_levels(Level level) {
  switch (level) {
    case Level::region:
      return {Level::departement};
    case Level::departement:
      return {Level::epci, Level::commune};
    case Level::epci:
      return {Level::commune};
    case Level::commune:
      return {Level::arrondissement};
    case Level::arrondissement:
      break;
  }
  return {};
}

ListPage load_list(Context& ctx) {
  ListPage page;
  page.query = ctx.query.get("q").substr(0, kMaxQuery);
  page.searched = !page.query.empty();
  if (page.searched) page.results = store::search(ctx.db, page.query, kResults);
  page.regions = store::regions(ctx.db);
  return page;
}

ShowPage load_show(Context& ctx, Territory t) {
  ShowPage page;
  page.parents = store::parents(ctx.db, t);
  const std::int64_t at = numbers::whole(ctx.query.get("page"), 1, 100'000).value_or(1);
  for (Level level : child_levels(t.level)) {
    ShowPage::Children c{.level = level, .total = store::count_children(ctx.db, t, level)};
    if (c.total == 0) continue;
    const std::int64_t pages = (c.total + kPerPage - 1) / kPerPage;
    c.items = store::children(ctx.db, t, level, kPerPage, (std::min(at, pages) - 1) * kPerPage);
    c.pager = fv::pager(ctx, urls::territory(t.key) + "?page=", std::min(at, pages), pages);
    page.children.push_back(std::move(c));
  }
  // What a territory gathers from within: the algorithms of its public bodies, and what is placed on
  // it or within it. A région or a département gathers hundreds of things through thousands of links
  // and territories (1,067 links for a département of the large programme, 3,801 territories' SIRENs
  // for a région), each read where it lies in the database: four fifths of their pages. Shared until
  // one of the tables read changes, with the other values of one thing among many
  // (storage::settings::fragment); the smaller levels hold few and are gathered each time, so that
  // their 36,000 pages do not push out those values.
  struct Gathered {
    std::vector<observatoire::Entry> algorithms;
    std::vector<Placed> placed;
  };
  const auto gather = [&] {
    observatoire::store::Filter f;
    f.territory_id = t.id;
    f.summary = true;
    return Gathered{observatoire::store::list(ctx.db, f), placed_within(ctx.db, t.id, t.key, kPlacedShown)};
  };
  Gathered within = t.level == Level::region || t.level == Level::departement
                        ? storage::settings::fragment<Gathered>(ctx.db, "territories.within." + t.key, gather)
                        : gather();
  page.algorithms = std::move(within.algorithms);
  page.placed = std::move(within.placed);
  page.territory = std::move(t);
  return page;
}

boost::json::object ref_json(const Context& ctx, const TerritoryRef& t) {
  boost::json::object o{
      {"key", t.key}, {"name", t.name}, {"level", level_slug(t.level)}, {"url", ctx.base_url + urls::territory(t.key)}};
  o["population"] = t.population ? boost::json::value(*t.population) : boost::json::value(nullptr);
  if (t.retired) o["retired"] = true;
  return o;
}

boost::json::array refs_json(const Context& ctx, const std::vector<TerritoryRef>& list) {
  boost::json::array out;
  for (const auto& t : list) out.push_back(ref_json(ctx, t));
  return out;
}

}  // namespace

Response list(Context& ctx) {
  ListPage page = load_list(ctx);
  return fv::page(ctx, ctx.tr(N_("Territories")), html::render(*ctx.t, templates::List{.page = page}));
}

Response list_json(Context& ctx) {
  ListPage page = load_list(ctx);
  boost::json::object out;
  if (page.searched) out["results"] = refs_json(ctx, page.results);
  out["regions"] = refs_json(ctx, page.regions);
  return coalitions::json::response(ctx, std::move(out));
}

Response show(Context& ctx) {
  auto t = store::by_key(ctx.db, ctx.param("key"));
  if (!t) return fv::not_found(ctx);
  ShowPage page = load_show(ctx, std::move(*t));
  return fv::page(ctx, page.territory.name, html::render(*ctx.t, templates::Show{.page = page}));
}

Response show_json(Context& ctx) {
  auto t = store::by_key(ctx.db, ctx.param("key"));
  if (!t) return coalitions::json::not_found(ctx);
  ShowPage page = load_show(ctx, std::move(*t));
  const Territory& k = page.territory;
  boost::json::object out{{"key", k.key}, {"code", k.code}, {"name", k.name}, {"level", level_slug(k.level)}};
  out["url"] = ctx.base_url + urls::territory(k.key);
  out["kind"] = k.kind.empty() ? boost::json::value(nullptr) : boost::json::value(k.kind);
  out["siren"] = k.siren.empty() ? boost::json::value(nullptr) : boost::json::value(k.siren);
  out["population"] = k.population ? boost::json::value(*k.population) : boost::json::value(nullptr);
  out["retired"] = k.retired;
  out["parents"] = refs_json(ctx, page.parents);
  boost::json::object children;
  for (const auto& c : page.children)
    children[level_slug(c.level)] = {{"total", c.total}, {"items", refs_json(ctx, c.items)}};
  out["children"] = std::move(children);
  boost::json::array algorithms;
  for (const auto& e : page.algorithms)
    algorithms.push_back({{"slug", e.slug},
                          {"name", e.name()},
                          {"url", ctx.base_url + observatoire::urls::entry(e.slug)},
                          {"public_body", e.body.name},
                          {"total", e.score.total()}});
  out["algorithms"] = std::move(algorithms);
  // Per kind: how many are placed here or within, the first of them, and the list narrowed to it.
  boost::json::object placed, lists;
  for (const auto& p : page.placed) {
    placed[p.subject] = p.total;
    boost::json::array first;
    for (const auto& i : p.first) first.push_back({{"name", i.name}, {"url", ctx.base_url + i.url}});
    lists[p.subject] = {{"total", p.total}, {"first", std::move(first)}, {"list", ctx.base_url + p.list}};
  }
  out["placed"] = std::move(placed);
  out["placed_lists"] = std::move(lists);
  return coalitions::json::response(ctx, std::move(out));
}

}  // namespace fabrique::territories::pages
