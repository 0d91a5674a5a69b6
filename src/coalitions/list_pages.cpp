// The list of coalitions, filtered by family, stage and cohort, as HTML and JSON.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/pages.hpp"
#include "coalitions/store.hpp"
#include "coalitions/views.hpp"
#include "i18n/i18n.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::coalitions::pages {

using html::Html;
using html::render;
using i18n::N_;

namespace {

// Reads the filters of the query string; unknown values are ignored (the list is simply unfiltered).
store::Filter filter_of(Context& ctx, std::string& family, std::string& stage_slug, std::string& cohort) {
  store::Filter f;
  family = ctx.query.get("famille");
  stage_slug = ctx.query.get("etape");
  cohort = ctx.query.get("promotion");
  if (auto t = taxonomies::term(ctx.db, taxonomies::kCoalitionFamilies, family)) f.family_id = t->id; else family.clear();
  if (auto t = taxonomies::term(ctx.db, taxonomies::kCoalitionCohorts, cohort)) f.cohort_id = t->id; else cohort.clear();
  if (stage(stage_slug)) f.stage = stage_slug; else stage_slug.clear();
  return f;
}

}  // namespace

// Coalitions per page: a programme rarely has more, and it keeps the page under its weight budget.
constexpr std::int64_t kPageSize = 100;

Response list(Context& ctx) {
  std::string family, stage_slug, cohort;
  auto filter = filter_of(ctx, family, stage_slug, cohort);
  std::int64_t total = store::count(ctx.db, filter);
  std::int64_t pages = std::max<std::int64_t>(1, (total + kPageSize - 1) / kPageSize);
  std::int64_t page = 1;
  try {
    page = std::clamp<std::int64_t>(std::stoll(ctx.query.get("page")), 1, pages);
  } catch (const std::exception&) {
    page = 1;  // absent or not a number: the first page
  }
  filter.limit = kPageSize;
  filter.offset = (page - 1) * kPageSize;
  auto coalitions = store::list(ctx.db, filter);

  std::vector<fabrique::views::Option> families, stages, cohorts;
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies)) families.push_back({t.slug, t.label});
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionCohorts)) cohorts.push_back({t.slug, t.label});
  for (const auto& s : kStages) stages.push_back({s.slug, ctx.tr(s.label)});

  Html groups;
  std::int64_t current_family = -1;
  Html items;
  auto flush = [&](const std::string& label) {
    if (!items.empty()) groups += render(R"(<h2>{}</h2><ul class="cards">{}</ul>)", label, items);
    items = Html();
  };
  std::string current_label;
  for (const auto& k : coalitions) {
    if (k.family_id != current_family) {
      flush(current_label);
      current_family = k.family_id;
      current_label = k.family_label;
    }
    Html cohort_text;
    if (!k.cohort_label.empty()) cohort_text = render(" · {}", k.cohort_label);
    items += render(R"(<li><a href="/coalitions/{}">{}</a> <span class="meta">{}{}</span>{}</li>)", k.slug,
                    views::full_title(k), views::stage_label(ctx, k.stage), cohort_text,
                    k.summary.empty() ? Html() : render("<p>{}</p>", k.summary));
  }
  flush(current_label);
  if (coalitions.empty()) groups = render("<p>{}</p>", ctx.tr(N_("No coalition matches these filters.")));

  Html pager;
  if (pages > 1) {
    std::string base = "/coalitions?famille=" + html::url_encode(family) + "&etape=" + html::url_encode(stage_slug) +
                       "&promotion=" + html::url_encode(cohort) + "&page=";
    Html links;
    if (page > 1)
      links += render(R"(<li><a href="{}{}" rel="prev">{}</a></li>)", base, page - 1, ctx.tr(N_("Previous page")));
    links += render(R"(<li aria-current="page">{}</li>)",
                    fmt::format(fmt::runtime(ctx.tr(N_("Page {} of {}"))), page, pages));
    if (page < pages)
      links += render(R"(<li><a href="{}{}" rel="next">{}</a></li>)", base, page + 1, ctx.tr(N_("Next page")));
    pager = render(R"(<nav aria-label="{}" class="pager"><ul>{}</ul></nav>)", ctx.tr(N_("Pages")), links);
  }

  Html admin;
  if (ctx.user && ctx.user->is_animateur())
    admin = render(R"(<p><a href="/coalitions/nouvelle">{}</a> · <a href="/coalitions/familles">{}</a> · <a href="/coalitions/promotions">{}</a></p>)",
                   ctx.tr(N_("Open a coalition")), ctx.tr(N_("Edit the families")), ctx.tr(N_("Edit the cohorts")));
  namespace fv = fabrique::views;
  Html body = render(
      R"(<h1>{}</h1><p>{}</p>{}
<form method="get" action="/coalitions" class="filters">{}{}{}<button type="submit">{}</button></form>
<p role="status">{}</p>
{}
{}
<p><a href="/coalitions.json">{}</a></p>)",
      ctx.tr(N_("Coalitions")),
      ctx.tr(N_("Each coalition gathers heterogeneous actors around one problem, one sought impact and one transformation narrative.")),
      admin, fv::select(ctx, {"famille", ctx.tr(N_("Family")), family, "", "", "", false, 0}, families, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"etape", ctx.tr(N_("Stage")), stage_slug, "", "", "", false, 0}, stages, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"promotion", ctx.tr(N_("Cohort")), cohort, "", "", "", false, 0}, cohorts, {}, ctx.tr(N_("All"))),
      ctx.tr(N_("Filter")),
      fmt::format(fmt::runtime(ctx.trn("{} coalition", "{} coalitions", static_cast<long>(total))), total), groups,
      pager, ctx.tr(N_("The same list as JSON")));
  return fabrique::views::page(ctx, ctx.tr(N_("Coalitions")), body);
}

Response list_json(Context& ctx) {
  std::string family, stage_slug, cohort;
  auto coalitions = store::list(ctx.db, filter_of(ctx, family, stage_slug, cohort));
  boost::json::array items;
  for (const auto& k : coalitions) items.push_back(json::summary(ctx, k));
  boost::json::object out;
  out["count"] = coalitions.size();
  out["coalitions"] = std::move(items);
  return json::response(ctx, out);
}

}  // namespace fabrique::coalitions::pages
