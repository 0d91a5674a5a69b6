// The list of events (upcoming and past, filtered by kind and coalition), its JSON and iCalendar
// feeds, a coalition's feed, and a member's own registrations with their private calendar address.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "events/ics.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "events/views.hpp"
#include "i18n/i18n.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::events::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// How many past events the list shows (the JSON has them all).
constexpr std::int64_t kPastShown = 100;

// Reads ?type=&coalition=; unknown values are ignored (the list is simply unfiltered).
store::Filter filter_of(Context& ctx, std::string& kind, std::string& coalition) {
  store::Filter f;
  kind = ctx.query.get("type");
  coalition = ctx.query.get("coalition");
  if (auto t = taxonomies::term(ctx.db, taxonomies::kEventKinds, kind)) f.kind_id = t->id; else kind.clear();
  if (auto k = coalitions::store::by_slug(ctx.db, coalition)) f.coalition_id = k->id; else coalition.clear();
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

}  // namespace

Response list(Context& ctx) {
  std::string kind, coalition;
  store::Filter upcoming = filter_of(ctx, kind, coalition);
  store::Filter past = upcoming;
  upcoming.ends_after = ctx.now;
  past.ends_before = ctx.now;
  past.newest_first = true;
  past.limit = kPastShown;
  Html next, before;
  for (const auto& e : store::list(ctx.db, upcoming)) next += views::card(ctx, e);
  for (const auto& e : store::list(ctx.db, past)) before += views::card(ctx, e);

  std::vector<fv::Option> kinds, coalitions;
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kEventKinds)) kinds.push_back({t.slug, t.label});
  for (const auto& k : coalitions::store::list(ctx.db)) coalitions.push_back({k.slug, k.number + " — " + k.title});
  Html admin;
  if (ctx.user && ctx.user->is_animateur())
    admin = render(R"(<p><a href="/evenements/nouveau">{}</a> · <a href="/evenements/types">{}</a></p>)",
                   ctx.tr(N_("Create an event")), ctx.tr(N_("Edit the kinds of event")));
  else if (ctx.user && !store::co_ported(ctx.db, ctx.user->id).empty())  // co-porteurs: their coalitions' events
    admin = render(R"(<p><a href="/evenements/nouveau">{}</a></p>)", ctx.tr(N_("Create an event")));
  Html mine;
  if (ctx.user)
    mine = render(R"(<p><a href="/evenements/mes-inscriptions">{}</a></p>)", ctx.tr(N_("My registrations and my calendar")));
  Html empty = render("<p>{}</p>", ctx.tr(N_("No event matches these filters.")));
  Html body = render(
      R"(<h1>{}</h1><p>{}</p>{}{}
<form method="get" action="/evenements" class="filters">{}{}<button type="submit">{}</button></form>
<h2>{}</h2>{}
<h2>{}</h2>{}
<p><a href="/evenements.ics">{}</a> · <a href="/evenements.json">{}</a> · <a href="/propositions">{}</a></p>)",
      ctx.tr(N_("Events")),
      ctx.tr(N_("Reset Days every month, coalition workshops, framing meetings, seminars and the yearly assembly.")),
      admin, mine,
      fv::select(ctx, {"type", ctx.tr(N_("Kind")), kind, "", "", "", false, 0}, kinds, {}, ctx.tr(N_("All"))),
      fv::select(ctx, {"coalition", ctx.tr(N_("Coalition")), coalition, "", "", "", false, 0}, coalitions, {},
                 ctx.tr(N_("All"))),
      ctx.tr(N_("Filter")), ctx.tr(N_("Upcoming")),
      next.empty() ? empty : render(R"(<ul class="cards">{}</ul>)", next), ctx.tr(N_("Past")),
      before.empty() ? empty : render(R"(<ul class="cards">{}</ul>)", before),
      ctx.tr(N_("Subscribe to every event (iCalendar)")), ctx.tr(N_("These events as JSON")),
      ctx.tr(N_("Coalition proposals")));
  return fv::page(ctx, ctx.tr(N_("Events")), body);
}

Response list_json(Context& ctx) {
  std::string kind, coalition;
  auto f = filter_of(ctx, kind, coalition);
  boost::json::array items;
  for (const auto& e : store::list(ctx.db, f)) items.push_back(json::event(ctx, e, false));
  return coalitions::json::response(ctx, {{"events", std::move(items)}});
}

Response list_ics(Context& ctx) {
  return calendar(ctx, store::list(ctx.db, {}), ctx.tr(N_("fabrique — events")), never);
}

Response coalition_ics(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  store::Filter f;
  f.coalition_id = k->id;
  return calendar(ctx, store::list(ctx.db, f), k->title, never);
}

namespace {

Response render_mine(Context& ctx, const std::string& new_token) {
  auto mine = store::events_of_user(ctx.db, ctx.user->id);
  Html rows;
  for (const auto& [e, status] : mine)
    rows += render(R"(<li><a href="/evenements/{}">{}</a> <span class="meta">{}{} — {}</span></li>)", e.slug, e.title,
                   views::when(ctx, e), views::status_note(ctx, e),
                   status == Status::registered ? ctx.tr(N_("registered")) : ctx.tr(N_("on the waiting list")));
  const bool has_token = store::has_calendar_token(ctx.db, ctx.user->id);
  Html address;
  if (!new_token.empty())
    address = render(R"(<p class="notice">{}</p><p><label for="agenda">{}</label><input id="agenda" type="text" readonly value="{}/evenements/agenda.ics?jeton={}"></p>)",
                     ctx.tr(N_("Here is your private calendar address. Copy it now: it will not be shown again.")),
                     ctx.tr(N_("Private calendar address")), ctx.base_url, new_token);
  else if (has_token)
    address = render("<p>{}</p>", ctx.tr(N_("You have a private calendar address. Make a new one if you lost it; the old one will stop working.")));
  Html revoke;
  if (has_token || !new_token.empty())
    revoke = render(R"(<form method="post" action="/evenements/mes-inscriptions/agenda/revoquer">{}<button type="submit" class="secondary">{}</button></form>)",
                    fv::csrf_field(ctx), ctx.tr(N_("Revoke the address")));
  Html body = render(
      R"(<p class="meta"><a href="/evenements">{}</a></p><h1>{}</h1>{}
<h2>{}</h2><p>{}</p>{}<form method="post" action="/evenements/mes-inscriptions/agenda">{}<button type="submit">{}</button></form>{})",
      ctx.tr(N_("Events")), ctx.tr(N_("My registrations")),
      rows.empty() ? render("<p>{}</p>", ctx.tr(N_("You have not registered to any event yet."))) : render("<ul>{}</ul>", rows),
      ctx.tr(N_("My calendar")),
      ctx.tr(N_("Subscribe from your calendar application to a private address that lists the events you registered to, with their online links.")),
      address, fv::csrf_field(ctx),
      has_token ? ctx.tr(N_("Make a new address")) : ctx.tr(N_("Make my calendar address")), revoke);
  return fv::page(ctx, ctx.tr(N_("My registrations")), body);
}

}  // namespace

Response my_events(Context& ctx) {
  return render_mine(ctx, "");
}

Response renew_token(Context& ctx) {
  // Shown once, on this answer to the POST: only its hash is kept.
  return render_mine(ctx, renew_calendar_token(ctx.db, *ctx.user, ctx.now));
}

Response revoke_token(Context& ctx) {
  revoke_calendar_token(ctx.db, *ctx.user);
  return Response::redirect("/evenements/mes-inscriptions");
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
  Response r = calendar(ctx, events, ctx.tr(N_("fabrique — my events")),
                        [&](const Event& e) { return placed.count(e.id) > 0; });
  r.set_header("Cache-Control", "private, no-store");
  return r;
}

}  // namespace fabrique::events::pages
