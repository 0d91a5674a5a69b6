// The programme-wide roadmap: every action of every coalition, filtered by lever, status, quality,
// coalition and organisation, paged in HTML, whole in CSV and JSON.
#include <boost/json.hpp>

#include "coalitions/filter.hpp"
#include "coalitions/json.hpp"
#include "common/csv.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"
#include "organisations/store.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/templates/roadmap.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Actions per page: keeps the page under its weight budget at any scale; the CSV has them all.
constexpr std::int64_t kActionsPerPage = 50;

struct Filters {
  std::string lever, status, quality;      // as accepted (unknown values dropped)
  coalitions::ListFilter coalition;        // words naming no coalition match nothing
  std::vector<std::string> organisations;  // the carrying organisations chosen (slugs), any of them
  store::ActionFilter filter;
  std::string query() const {
    std::string q = "levier=" + html::url_encode(lever) + "&statut=" + html::url_encode(status) +
                    "&qualite=" + html::url_encode(quality) + coalitions::filter_param(coalition);
    for (const auto& o : organisations) q += "&organisation=" + html::url_encode(o);
    return q;
  }
};

// Reads the filters of the query string; an unknown value is ignored (the list is simply unfiltered),
// but words naming no coalition leave it empty.
Filters filters_of(Context& ctx) {
  Filters f;
  f.lever = ctx.query.get("levier");
  f.status = ctx.query.get("statut");
  f.quality = ctx.query.get("qualite");
  if (find(kLevers, f.lever))
    f.filter.lever = f.lever;
  else
    f.lever.clear();
  if (find(kStatuses, f.status))
    f.filter.status = f.status;
  else
    f.status.clear();
  if (find(kQualities, f.quality))
    f.filter.quality = f.quality;
  else
    f.quality.clear();
  f.coalition = coalitions::list_filter(ctx);
  f.filter.coalition_id = f.coalition.filter_id;
  for (const auto& slug : ctx.query.all("organisation"))
    if (auto o = organisations::store::by_slug(ctx.db, slug);
        o && std::find(f.filter.organisation_ids.begin(), f.filter.organisation_ids.end(), o->id) ==
                 f.filter.organisation_ids.end()) {
      f.filter.organisation_ids.push_back(o->id);
      f.organisations.push_back(o->slug);
    }
  return f;
}

}  // namespace

Response programme_roadmap(Context& ctx) {
  Filters f = filters_of(ctx);
  std::int64_t total = store::count_actions(ctx.db, f.filter);
  std::int64_t pages = std::max<std::int64_t>(1, (total + kActionsPerPage - 1) / kActionsPerPage);
  std::int64_t page_number = views::page_of(ctx, pages);
  f.filter.limit = kActionsPerPage;
  f.filter.offset = (page_number - 1) * kActionsPerPage;
  auto actions = store::actions(ctx.db, f.filter);

  ProgrammePage page;
  page.lever = f.lever;
  page.status = f.status;
  page.quality = f.quality;
  page.coalition = f.coalition;
  page.organisations = organisations::picker_of(ctx.db, "organisation", N_("Carrying organisations"), f.organisations,
                                                ctx.query.get("organisation_q"));
  page.query = f.query();
  page.total = static_cast<long>(total);
  page.actions = std::move(actions);
  page.pager = views::pager(ctx, urls::programme_roadmap() + "?" + page.query + "&page=", "", page_number, pages);
  return fv::page(ctx, ctx.tr(N_("Programme roadmap")), html::render(*ctx.t, templates::Programme{page}));
}

// The programme's roadmap, 9,000 actions at the benchmark's size, 45,000 at five times it: written
// through a spool (http/spool.hpp) rather than built whole in memory (a JSON tree, then its text, 0.7 s
// of malloc), and read a batch of coalitions at a time (store::action_batches), in one transaction.
Response programme_roadmap_csv(Context& ctx) {
  Filters f = filters_of(ctx);
  http::Spool spool(ctx.request.header("accept-encoding"));
  csv::Writer w(spool);
  w.row({"coalition", "coalition_title", "id", "parent", "title", "lever", "scale", "status", "abandon_reason",
         "starts_on", "due_on", "progress", "victory", "qualities", "organisations", "url"});
  storage::Transaction tx(ctx.db, false);
  for (const auto& range : store::action_batches(ctx.db, f.filter).ranges)
    for (const auto& a : store::actions(ctx.db, f.filter, range)) {
      std::string qualities;
      for (const auto& q : a.qualities) qualities += (qualities.empty() ? "" : ";") + q;
      std::string orgs;
      for (const auto& o : a.organisations) orgs += (orgs.empty() ? "" : "; ") + o.name;
      w.row({a.coalition_number, a.coalition_title, std::to_string(a.id),
             a.parent_id ? std::to_string(*a.parent_id) : "", a.title, a.lever, a.scale, a.status, a.abandon_reason,
             views::iso_day(a.starts_on), views::iso_day(a.due_on), std::to_string(a.progress), a.victory ? "1" : "0",
             qualities, orgs, ctx.base_url + urls::action(a.coalition_slug, a.id)});
    }
  tx.commit();
  return csv::response(w, "feuille-de-route.csv");
}

Response programme_roadmap_json(Context& ctx) {
  Filters f = filters_of(ctx);
  storage::Transaction tx(ctx.db, false);
  const auto batches = store::action_batches(ctx.db, f.filter);
  coalitions::json::StreamedDocument out(ctx, {{"count", batches.count}}, "actions");
  for (const auto& range : batches.ranges)
    for (const auto& a : store::actions(ctx.db, f.filter, range)) out.item(json::action(ctx, a));
  tx.commit();
  return out.finish();
}

}  // namespace fabrique::roadmaps::pages
