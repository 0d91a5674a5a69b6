// The list of events (upcoming and past, filtered by kind and coalition), its JSON and iCalendar
// feeds, a coalition's feed, and a member's own registrations with their private calendar address.
#include <boost/json.hpp>

#include "coalitions/filter.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/csv.hpp"
#include "events/ics.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/templates/list.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "storage/batches.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/placing.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/pager.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// How many events a page of the list shows, upcoming or past (the JSON and CSV have them all).
constexpr std::int64_t kPerPage = 20;

// Reads ?type=&coalition=&territoire=; an unknown kind or territory is ignored (the list is simply
// unfiltered), words naming no coalition leave the list empty.
store::Filter filter_of(Context& ctx, std::string& kind, coalitions::ListFilter& coalition,
                        territories::ListFilter& territory) {
  store::Filter f;
  territory = territories::list_filter(ctx);
  f.territory_id = territory.territory_id;
  kind = ctx.query.get("type");
  coalition = coalitions::list_filter(ctx);
  f.coalition_id = coalition.filter_id;
  if (auto t = taxonomies::term(ctx.db, taxonomies::kEventKinds, kind))
    f.kind_id = t->id;
  else
    kind.clear();
  return f;
}

Response calendar(Context& ctx, const std::vector<Event>& events, const std::string& name,
                  const std::function<bool(const Event&)>& reveal) {
  Response r;
  r.content_type = ics::kContentType;
  r.body = ics::calendar(events, ctx.base_url, name, ctx.now, reveal);
  return r;
}

bool never(const Event&) { return false; }

// Everything the list shows, read in one place: the events matching the filters, upcoming (paged)
// then the latest past ones, or with ?quand=passes the past ones only (paged, newest first); and the
// kinds to filter by.
ListPage load_list(Context& ctx) {
  ListPage page;
  store::Filter upcoming = filter_of(ctx, page.kind, page.coalition, page.territory);
  upcoming.counts = false;  // the cards do not show them
  store::Filter past = upcoming;
  upcoming.ends_after = ctx.now;
  past.ends_before = ctx.now;
  past.newest_first = true;
  page.past_only = ctx.query.get("quand") == "passes";
  page.filters = "?type=" + html::url_encode(page.kind) + coalitions::filter_param(page.coalition) +
                 territories::filter_param(page.territory);
  // An event is upcoming until it ends, then past. The past ones pile up: they are counted as all those
  // matching less the upcoming, and unfiltered the count of all is SQLite's count of a table.
  store::Filter all = upcoming;
  all.ends_after.reset();
  const std::int64_t upcoming_total = store::count(ctx.db, upcoming);
  page.past_total = store::count(ctx.db, all) - upcoming_total;
  page.upcoming_total = page.past_only ? 0 : upcoming_total;
  const auto shown = fv::page_of(ctx, page.past_only ? page.past_total : page.upcoming_total, kPerPage);
  page.page = shown.page;
  page.pages = shown.pages;
  page.pager_base = fv::pager_base(urls::list(), page.filters + (page.past_only ? "&quand=passes" : ""));
  if (page.past_only) {
    past.limit = shown.limit;
    past.offset = shown.offset;
  } else {
    upcoming.limit = shown.limit;
    upcoming.offset = shown.offset;
    past.limit = kPerPage;
    page.upcoming = store::list(ctx.db, upcoming);
  }
  page.past = store::list(ctx.db, past);
  std::vector<std::int64_t> ids;
  for (const auto* list : {&page.upcoming, &page.past})
    for (const auto& e : *list) ids.push_back(e.id);
  page.places = territories::places_of(ctx.db, territories::subject::event, ids);
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kEventKinds)) page.kinds.push_back({t.slug, t.label});
  page.signed_in = ctx.user.has_value();
  page.animateur = ctx.user && ctx.user->is_animateur();
  page.co_porteur = ctx.user && !page.animateur && !store::co_ported(ctx.db, ctx.user->id).empty();
  return page;
}

}  // namespace

Response list(Context& ctx) {
  return fv::page(ctx, ctx.tr(N_("Events")), html::render(*ctx.t, templates::List{load_list(ctx)}));
}

Response list_json(Context& ctx) {
  Response refusal;
  auto paging = coalitions::json::paging(ctx, refusal);
  if (!paging) return refusal;
  std::string kind;
  coalitions::ListFilter coalition;
  territories::ListFilter territory;
  auto f = filter_of(ctx, kind, coalition, territory);
  f.updated_since = paging->updated_since;
  const std::int64_t total = store::count(ctx.db, f);
  f.limit = paging->per_page;
  f.offset = paging->offset();
  auto items = territories::with_places(ctx, territories::subject::event, store::list(ctx.db, f),
                                        [&](const Event& e) { return json::event(ctx, e, false); });
  return coalitions::json::page(ctx, "events", std::move(items), total, *paging);
}

namespace {

// Hands every event `f` keeps to `each`, a batch at a time in the list's order (a whole programme's
// events are never held in memory at once), inside one read transaction.
template <class Each>
void each_listed(Context& ctx, store::Filter f, Each each) {
  f.limit = storage::kExportBatch;
  storage::Transaction tx(ctx.db, false);
  storage::each_batch(
      [&](std::optional<std::int64_t> after) {
        f.after_id = after;
        return store::list(ctx.db, f);
      },
      each);
  tx.commit();
}

}  // namespace

Response list_csv(Context& ctx) {
  std::string kind;
  coalitions::ListFilter coalition;
  territories::ListFilter territory;
  http::Spool spool(ctx.request.header("accept-encoding"));
  csv::Writer w(spool);
  w.row({"slug", "title", "url", "kind", "status", "starts_at", "ends_at", "place", "online", "capacity", "registered",
         "waiting", "coalitions", "territoires", "updated_at"});
  each_listed(ctx, filter_of(ctx, kind, coalition, territory), [&](const std::vector<Event>& batch) {
    auto places = territories::places_of(ctx.db, territories::subject::event, batch);
    for (const auto& e : batch) {
      std::string linked;
      for (const auto& k : e.coalitions) linked += (linked.empty() ? "" : " ") + k.slug;
      w.row(std::vector<std::string>{e.slug, e.title, ctx.base_url + urls::event(e.slug), e.kind_slug,
                                     std::string(event_status(e.status).slug), coalitions::json::iso(e.starts_at),
                                     coalitions::json::iso(e.ends_at), e.place, e.online_url.empty() ? "no" : "yes",
                                     e.capacity ? std::to_string(*e.capacity) : "", std::to_string(e.registered),
                                     std::to_string(e.waiting), linked, territories::places_csv(places[e.id]),
                                     coalitions::json::iso(e.updated_at)});
    }
  });
  return csv::response(w, "evenements.csv");
}

Response list_ics(Context& ctx) {
  http::Spool spool(ctx.request.header("accept-encoding"));
  ics::Writer w(spool.out(), ctx.base_url, ctx.tr(N_("fabrique — events")), ctx.now);
  each_listed(ctx, {.counts = false}, [&](const std::vector<Event>& batch) {
    for (const auto& e : batch) {
      w.event(e, never);
      spool.flush_if_full();
    }
  });
  w.end();
  Response r;
  r.content_type = ics::kContentType;
  spool.finish(r);
  return r;
}

Response coalition_ics(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  store::Filter f;
  f.coalition_id = k->id;
  f.counts = false;
  return calendar(ctx, store::list(ctx.db, f), k->title, never);
}

namespace {

// A person's registrations and whether they hold a calendar address; `new_token` is the one just
// made, shown this once.
MinePage load_mine(Context& ctx, const std::string& new_token) {
  MinePage page;
  page.events = store::events_of_user(ctx.db, ctx.user->id);
  page.next_steps = store::next_steps_of_person(ctx.db, ctx.user->id);
  page.has_token = !new_token.empty() || store::has_calendar_token(ctx.db, ctx.user->id);
  if (!new_token.empty()) page.calendar_address = ctx.base_url + urls::personal_ics(new_token);
  return page;
}

Response render_mine(Context& ctx, const std::string& new_token) {
  return fv::page(ctx, ctx.tr(N_("My registrations")),
                  html::render(*ctx.t, templates::Mine{.page = load_mine(ctx, new_token), .csrf = ctx.csrf_token()}));
}

}  // namespace

Response my_events(Context& ctx) { return render_mine(ctx, ""); }

Response renew_token(Context& ctx) {
  // Shown once, on this answer to the POST: only its hash is kept.
  return render_mine(ctx, renew_calendar_token(ctx.db, *ctx.user, ctx.now));
}

Response revoke_token(Context& ctx) {
  revoke_calendar_token(ctx.db, *ctx.user);
  return fv::redirect_saved(urls::mine(), fv::Saved::calendar_revoked);
}

Response personal_ics(Context& ctx) {
  auto owner = calendar_owner(ctx.db, ctx.query.get("jeton"));
  if (!owner) return Response::text(404, "Not found");
  std::vector<Event> events;
  std::set<std::int64_t> placed;
  for (auto& [e, status] : store::events_of_user(ctx.db, *owner)) {
    if (status == Status::registered) placed.insert(e.id);
    events.push_back(std::move(e));
  }
  Response r =
      calendar(ctx, events, ctx.tr(N_("fabrique — my events")), [&](const Event& e) { return placed.count(e.id) > 0; });
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace fabrique::events::pages
