// The list of coalitions, filtered by family, stage and cohort, as HTML and JSON.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/templates/list.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/view_models.hpp"
#include "coalitions/views.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/placing.hpp"
#include "views/layout.hpp"

namespace fabrique::coalitions::pages {

using i18n::N_;

namespace {

// Reads the filters of the query string; unknown values are ignored (the list is simply unfiltered).
store::Filter filter_of(Context& ctx, std::string& family, std::string& stage_slug, std::string& cohort,
                        territories::ListFilter& territory) {
  store::Filter f;
  territory = territories::list_filter(ctx);
  f.territory_id = territory.territory_id;
  family = ctx.query.get("famille");
  stage_slug = ctx.query.get("etape");
  cohort = ctx.query.get("promotion");
  if (auto t = taxonomies::term(ctx.db, taxonomies::kCoalitionFamilies, family))
    f.family_id = t->id;
  else
    family.clear();
  if (auto t = taxonomies::term(ctx.db, taxonomies::kCoalitionCohorts, cohort))
    f.cohort_id = t->id;
  else
    cohort.clear();
  if (stage(stage_slug))
    f.stage = stage_slug;
  else
    stage_slug.clear();
  return f;
}

}  // namespace

// Coalitions per page: a programme rarely has more, and it keeps the page under its weight budget.
constexpr std::int64_t kPageSize = 100;

namespace {

// Everything the list shows, read in one place: the filters' terms, the count and one page of
// coalitions grouped by family.
ListPage load_list(Context& ctx) {
  ListPage page;
  auto filter = filter_of(ctx, page.family, page.stage, page.cohort, page.territory);
  page.total = store::count(ctx.db, filter);
  page.pages = std::max<std::int64_t>(1, (page.total + kPageSize - 1) / kPageSize);
  // Absent or not a page number: the first page.
  page.page =
      std::clamp<std::int64_t>(numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1), 1, page.pages);
  filter.limit = kPageSize;
  filter.offset = (page.page - 1) * kPageSize;
  for (auto& k : store::list(ctx.db, filter)) {
    if (page.groups.empty() || page.groups.back().coalitions.back().family_id != k.family_id)
      page.groups.push_back({k.family_label, {}});
    page.groups.back().coalitions.push_back(std::move(k));
  }
  std::vector<std::int64_t> ids;
  for (const auto& g : page.groups)
    for (const auto& k : g.coalitions) ids.push_back(k.id);
  page.places = territories::places_of(ctx.db, territories::subject::coalition, ids);
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies))
    page.families.push_back({t.slug, t.label});
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionCohorts))
    page.cohorts.push_back({t.slug, t.label});
  for (const auto& s : kStages) page.stages.push_back({s.slug, ctx.tr(s.label)});
  page.pager_base = urls::list() + "?famille=" + html::url_encode(page.family) +
                    "&etape=" + html::url_encode(page.stage) + "&promotion=" + html::url_encode(page.cohort) +
                    territories::filter_param(page.territory) + "&page=";
  page.animateur = ctx.user && ctx.user->is_animateur();
  return page;
}

}  // namespace

Response list(Context& ctx) {
  ListPage page = load_list(ctx);
  return fabrique::views::page(ctx, ctx.tr(N_("Coalitions")), html::render(*ctx.t, templates::List{.page = page}));
}

Response list_json(Context& ctx) {
  Response refusal;
  auto paging = json::paging(ctx, refusal);
  if (!paging) return refusal;
  std::string family, stage_slug, cohort;
  territories::ListFilter territory;
  auto filter = filter_of(ctx, family, stage_slug, cohort, territory);
  filter.updated_since = paging->updated_since;
  const std::int64_t total = store::count(ctx.db, filter);
  filter.limit = paging->per_page;
  filter.offset = paging->offset();
  auto items = territories::with_places(ctx, territories::subject::coalition, store::list(ctx.db, filter),
                                        [&](const Coalition& k) { return json::summary(ctx, k); });
  return json::page(ctx, "coalitions", std::move(items), total, *paging);
}

Response list_csv(Context& ctx) {
  std::string family, stage_slug, cohort;
  territories::ListFilter territory;
  csv::Writer w;
  w.row({"number", "slug", "title", "summary", "url", "family", "cohort", "stage", "stage_since",
         "animating_organisation", "scales", "territoires", "booklet_revision", "last_activity_at"});
  const auto all = store::list(ctx.db, filter_of(ctx, family, stage_slug, cohort, territory));
  auto places = territories::places_of(ctx.db, territories::subject::coalition, all);
  for (const auto& k : all) {
    std::string scales;
    for (const auto& [on, name] : {std::pair{k.scale_local, "local"}, std::pair{k.scale_national, "national"},
                                   std::pair{k.scale_european, "european"}})
      if (on) scales += (scales.empty() ? "" : " ") + std::string(name);
    w.row(std::vector<std::string>{k.number, k.slug, k.title, k.summary, ctx.base_url + urls::coalition(k.slug),
                                   k.family_label, k.cohort_label, k.stage, json::iso(k.stage_since),
                                   k.animating_organisation_name, scales, territories::places_csv(places[k.id]),
                                   std::to_string(k.booklet_revision), json::iso(k.last_activity_at)});
  }
  return csv::response(w, "coalitions.csv");
}

}  // namespace fabrique::coalitions::pages
