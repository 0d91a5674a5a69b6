// Creating an event (or a series) and editing one (or an occurrence and the following ones).
#include <algorithm>
#include <set>

#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "events/views.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::events::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

EventInput input_from_form(const Context& ctx) {
  EventInput in;
  in.kind = ctx.form.get("kind");
  in.title = ctx.form.get("title");
  in.slug = ctx.form.get("slug");
  in.starts = ctx.form.get("starts");
  in.ends = ctx.form.get("ends");
  in.place = ctx.form.get("place");
  in.online_url = ctx.form.get("online_url");
  in.capacity = ctx.form.get("capacity");
  in.description = ctx.form.get("description");
  in.closes = ctx.form.get("closes");
  in.status = ctx.form.get("status");
  in.coalitions = ctx.form.all("coalitions");
  in.organisers = ctx.form.all("organisers");
  const std::string repeat = ctx.form.get("repeat");
  in.repeat = repeat == "mensuelle" ? Repeat::monthly : repeat == "dates" ? Repeat::dates : Repeat::none;
  auto number = [&](const char* name) {
    // Not a number: 0, refused by the use case with the field's message.
    return static_cast<int>(numbers::whole(ctx.form.get(name), 0, 100000).value_or(0));
  };
  in.week = number("week");
  in.weekday = number("weekday");
  in.count = number("count");
  in.dates = ctx.form.get("dates");
  return in;
}

EventInput input_of(const Event& e) {
  EventInput in;
  in.kind = e.kind_slug;
  in.title = e.title;
  in.starts = times::input_value(e.starts_at);
  in.ends = times::input_value(e.ends_at);
  in.place = e.place;
  in.online_url = e.online_url;
  in.capacity = e.capacity ? std::to_string(*e.capacity) : "";
  in.description = e.description;
  in.closes = e.registration_closes_at ? times::input_value(*e.registration_closes_at) : "";
  in.status = event_status(e.status).slug;
  for (const auto& k : e.coalitions) in.coalitions.push_back(k.slug);
  for (const auto& o : e.organisers) in.organisers.push_back(o.slug);
  return in;
}

Html fields(Context& ctx, const EventInput& v, const FieldErrors& errors, bool creating) {
  std::vector<fv::Option> kinds, coalitions, organisations;
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kEventKinds)) kinds.push_back({t.slug, t.label});
  // A co-porteur is offered the coalitions they co-port (and those the event already has).
  const bool any = ctx.user && ctx.user->is_animateur();
  const std::set<std::int64_t> mine = any || !ctx.user ? std::set<std::int64_t>{} : store::co_ported(ctx.db, ctx.user->id);
  for (const auto& k : coalitions::store::list(ctx.db))
    if (any || mine.count(k.id) || std::find(v.coalitions.begin(), v.coalitions.end(), k.slug) != v.coalitions.end())
      coalitions.push_back({k.slug, k.number + " — " + k.title});
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) organisations.push_back({o.slug, o.name});
  const std::string when_hint = ctx.tr(N_("Paris time, such as 2026-12-15 14:00"));
  Html out = render("{}{}{}", fv::select(ctx, {"kind", ctx.tr(N_("Kind")), v.kind, "", "", "", true, 0}, kinds, errors),
                    fv::input(ctx, {"title", ctx.tr(N_("Title")), v.title, "text", "", "", true, kMaxTitle}, errors),
                    creating ? fv::input(ctx, {"slug", ctx.tr(N_("Address")), v.slug, "text", "",
                                               ctx.tr(N_("Lower-case letters, digits and dashes; made from the title and date if empty")), false, 60},
                                         errors)
                             : Html());
  std::vector<fv::Option> statuses;
  for (const auto& s : kEventStatuses) statuses.push_back({s.slug, ctx.tr(s.label)});
  out += render("{}{}{}{}{}{}{}{}",
                fv::input(ctx, {"starts", ctx.tr(N_("Start")), v.starts, "datetime-local", "", when_hint, true, 0}, errors),
                fv::input(ctx, {"ends", ctx.tr(N_("End")), v.ends, "datetime-local", "", when_hint, true, 0}, errors),
                fv::select(ctx, {"status", ctx.tr(N_("Status")), v.status.empty() ? "confirmed" : v.status, "", "",
                                 ctx.tr(N_("Date to be confirmed: registration stays closed. Cancelled: the people registered are told.")), true, 0},
                           statuses, errors),
                fv::input(ctx, {"place", ctx.tr(N_("Place")), v.place, "text", "", "", false, kMaxPlace}, errors),
                fv::input(ctx, {"online_url", ctx.tr(N_("Online link")), v.online_url, "url", "",
                                ctx.tr(N_("Shown only to registered participants and organisers")), false, kMaxUrl},
                          errors),
                fv::input(ctx, {"capacity", ctx.tr(N_("Number of places")), v.capacity, "text", "",
                                ctx.tr(N_("Empty for no limit")), false, 6},
                          errors),
                fv::input(ctx, {"closes", ctx.tr(N_("Registration closes")), v.closes, "datetime-local", "",
                                ctx.tr(N_("Empty: registration stays open until the start")), false, 0},
                          errors),
                fv::textarea(ctx, {"description", ctx.tr(N_("Description")), v.description, "", "",
                                   ctx.tr(N_("Markdown: **bold**, lists with -, links <https://…>")), false, 0},
                             errors, 6));
  out += views::checkboxes(ctx, "coalitions", ctx.tr(N_("Coalitions")), coalitions, v.coalitions, errors);
  out += views::checkboxes(ctx, "organisers", ctx.tr(N_("Organising organisations")), organisations, v.organisers, errors);
  return out;
}

Html series_fields(Context& ctx, const EventInput& v, const FieldErrors& errors) {
  const std::string repeat = v.repeat == Repeat::monthly ? "mensuelle" : v.repeat == Repeat::dates ? "dates" : "";
  std::vector<fv::Option> repeats{{"mensuelle", ctx.tr(N_("Every month"))}, {"dates", ctx.tr(N_("On a list of dates"))}};
  std::vector<fv::Option> weeks{{"1", ctx.tr(N_("first"))}, {"2", ctx.tr(N_("second"))}, {"3", ctx.tr(N_("third"))},
                                {"4", ctx.tr(N_("fourth"))}, {"5", ctx.tr(N_("last"))}};
  std::vector<fv::Option> days{{"1", ctx.tr(N_("Monday"))}, {"2", ctx.tr(N_("Tuesday"))}, {"3", ctx.tr(N_("Wednesday"))},
                               {"4", ctx.tr(N_("Thursday"))}, {"5", ctx.tr(N_("Friday"))}, {"6", ctx.tr(N_("Saturday"))},
                               {"7", ctx.tr(N_("Sunday"))}};
  auto num = [](int n) { return n ? std::to_string(n) : std::string(); };
  return render(R"(<fieldset><legend>{}</legend>{}{}{}{}{}</fieldset>)", ctx.tr(N_("Repeat (a series)")),
                fv::select(ctx, {"repeat", ctx.tr(N_("Repeat")), repeat, "", "", "", false, 0}, repeats, errors, ctx.tr(N_("Once"))),
                fv::select(ctx, {"week", ctx.tr(N_("Week of the month")), num(v.week), "", "", ctx.tr(N_("For a monthly series")), false, 0}, weeks, errors, "—"),
                fv::select(ctx, {"weekday", ctx.tr(N_("Day of the week")), num(v.weekday), "", "", "", false, 0}, days, errors, "—"),
                fv::input(ctx, {"count", ctx.tr(N_("Number of occurrences")), num(v.count), "text", "", ctx.tr(N_("60 at most")), false, 2}, errors),
                fv::textarea(ctx, {"dates", ctx.tr(N_("Dates")), v.dates, "", "", ctx.tr(N_("For a list: one date per line, such as 2026-12-15; each at the hours above")), false, 4000}, errors, 4));
}

Response render_new(Context& ctx, const EventInput& v, const FieldErrors& errors, int status) {
  Html body = render(R"(<p class="meta"><a href="/evenements">{}</a></p><h1>{}</h1>{}<form method="post" action="/evenements/nouveau" novalidate>{}{}{}<button type="submit">{}</button></form>)",
                     ctx.tr(N_("Events")), ctx.tr(N_("Create an event")), fv::error_summary(ctx, errors),
                     fv::csrf_field(ctx), fields(ctx, v, errors, true), series_fields(ctx, v, errors),
                     ctx.tr(N_("Create")));
  return fv::page(ctx, status, ctx.tr(N_("Create an event")), body);
}

Response render_edit(Context& ctx, const Event& e, const EventInput& v, const FieldErrors& errors, int status) {
  Html scope;
  if (e.series_id)
    scope = fv::select(ctx, {"portee", ctx.tr(N_("Apply to")), ctx.form.get("portee"), "", "", "", true, 0},
                       {{"celle-ci", ctx.tr(N_("This occurrence only"))},
                        {"suivantes", ctx.tr(N_("This occurrence and all the following ones"))}},
                       errors);
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), e.title);
  Html body = render(R"(<p class="meta"><a href="/evenements/{}">{}</a></p><h1>{}</h1>{}<form method="post" action="/evenements/{}/modifier" novalidate>{}{}{}<button type="submit">{}</button></form>)",
                     e.slug, e.title, title, fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx),
                     fields(ctx, v, errors, false), scope, ctx.tr(N_("Save")));
  return fv::page(ctx, status, title, body);
}

Event event_to_edit(Context& ctx) {
  if (!ctx.user) throw NotFound();
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  if (!can_organise(ctx.db, &*ctx.user, *e)) throw Forbidden(N_("Only the organisers of this event can change it."));
  return *e;
}

}  // namespace

Response new_form(Context& ctx) {
  if (!ctx.user->is_animateur() && store::co_ported(ctx.db, ctx.user->id).empty())
    return fv::forbidden(ctx, N_("Only animateurs and the co-porteurs of a coalition can create events."));
  return render_new(ctx, {}, {}, 200);
}

Response create(Context& ctx) {
  EventInput in = input_from_form(ctx);
  auto r = create_event(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) return render_new(ctx, in, r.errors, 422);
  return Response::redirect("/evenements/" + r.event->slug);
}

Response edit_form(Context& ctx) {
  Event e = event_to_edit(ctx);
  return render_edit(ctx, e, input_of(e), {}, 200);
}

Response update(Context& ctx) {
  EventInput in = input_from_form(ctx);
  const Scope scope = ctx.form.get("portee") == "suivantes" ? Scope::following : Scope::this_one;
  auto r = update_event(ctx.db, *ctx.user, ctx.param("slug"), in, scope, ctx.now);
  if (!r.errors.empty()) return render_edit(ctx, event_to_edit(ctx), in, r.errors, 422);
  return Response::redirect("/evenements/" + r.event->slug);
}

}  // namespace fabrique::events::pages
