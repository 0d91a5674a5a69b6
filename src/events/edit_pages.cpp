// Creating an event (or a series) and editing one (or an occurrence and the following ones).
#include <algorithm>
#include <set>

#include "coalitions/picker.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/templates/event_form.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"
#include "taxonomies/taxonomy.hpp"
#include "territories/placing.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

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
  in.territories = territories::picked_keys(ctx);
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

// What the event form holds (`typed`) and offers to choose from, read in one place.
EventForm load_event_form(Context& ctx, const EventInput& typed, bool creating) {
  EventForm form;
  form.typed = typed;
  form.creating = creating;
  form.places = territories::form_picker(ctx, typed.territories);
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kEventKinds)) form.kinds.push_back({t.slug, t.label});
  for (const auto& s : kEventStatuses) form.statuses.push_back({s.slug, ctx.tr(s.label)});
  // An animateur is offered every coalition (the list shared by every form, not a read of each
  // coalition with its joins); a co-porteur the coalitions they co-port and those the event has.
  const fv::Choices every = coalitions::choices(ctx.db);
  std::vector<fv::Choice> mine;
  if (!ctx.user->is_animateur()) {
    std::set<std::string> ported;
    for (const auto& [k, role] : coalitions::store::coalitions_of_user(ctx.db, ctx.user->id))
      if (role == coalitions::Role::co_porteur) ported.insert(k.slug);
    for (const auto& c : *every)
      if (ported.count(c.key) ||
          std::find(typed.coalitions.begin(), typed.coalitions.end(), c.key) != typed.coalitions.end())
        mine.push_back(c);
  }
  form.coalitions = coalitions::picker_of(ctx.user->is_animateur() ? *every : mine, "coalitions", N_("Coalitions"),
                                          typed.coalitions, ctx.form.get("coalitions_q"));
  form.organisers = organisations::picker_of(ctx.db, "organisers", N_("Organising organisations"), typed.organisers,
                                             ctx.form.get("organisers_q"));
  if (creating) {
    form.repeats = {{"mensuelle", ctx.tr(N_("Every month"))}, {"dates", ctx.tr(N_("On a list of dates"))}};
    form.weeks = {{"1", ctx.tr(N_("first"))},
                  {"2", ctx.tr(N_("second"))},
                  {"3", ctx.tr(N_("third"))},
                  {"4", ctx.tr(N_("fourth"))},
                  {"5", ctx.tr(N_("last"))}};
    form.weekdays = {{"1", ctx.tr(N_("Monday"))},   {"2", ctx.tr(N_("Tuesday"))}, {"3", ctx.tr(N_("Wednesday"))},
                     {"4", ctx.tr(N_("Thursday"))}, {"5", ctx.tr(N_("Friday"))},  {"6", ctx.tr(N_("Saturday"))},
                     {"7", ctx.tr(N_("Sunday"))}};
  } else {
    form.scopes = {{"celle-ci", ctx.tr(N_("This occurrence only"))},
                   {"suivantes", ctx.tr(N_("This occurrence and all the following ones"))}};
  }
  return form;
}

Response render_new(Context& ctx, const EventInput& v, const FieldErrors& errors, int status) {
  return fv::page(
      ctx, status, ctx.tr(N_("Create an event")),
      html::render(*ctx.t, templates::NewEvent{
                               .form = load_event_form(ctx, v, true), .errors = errors, .csrf = ctx.csrf_token()}));
}

Response render_edit(Context& ctx, const Event& e, const EventInput& v, const FieldErrors& errors, int status) {
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit {}"))), e.title);
  return fv::page(ctx, status, title,
                  html::render(*ctx.t, templates::EditEvent{.e = e,
                                                            .form = load_event_form(ctx, v, false),
                                                            .title = title,
                                                            .scope = ctx.form.get("portee"),
                                                            .errors = errors,
                                                            .csrf = ctx.csrf_token()}));
}

// A picker of the form searched: the form comes back with what matches, nothing saved.
bool picker_searched(const Context& ctx) {
  return !ctx.form.get("coalitions_q").empty() || !ctx.form.get("organisers_q").empty();
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
  if (picker_searched(ctx) || territories::picker_searched(ctx)) return render_new(ctx, in, {}, 200);
  auto r = create_event(ctx.db, *ctx.user, in, ctx.now);
  if (!r.errors.empty()) return render_new(ctx, in, r.errors, 422);
  return fv::redirect_saved(urls::event(r.event->slug), fv::Saved::event);
}

Response edit_form(Context& ctx) {
  Event e = event_to_edit(ctx);
  EventInput in = input_of(e);
  in.territories = territories::keys_of(territories::places(ctx.db, territories::subject::event, e.id));
  return render_edit(ctx, e, in, {}, 200);
}

Response update(Context& ctx) {
  EventInput in = input_from_form(ctx);
  if (picker_searched(ctx) || territories::picker_searched(ctx))
    return render_edit(ctx, event_to_edit(ctx), in, {}, 200);
  const Scope scope = ctx.form.get("portee") == "suivantes" ? Scope::following : Scope::this_one;
  auto r = update_event(ctx.db, *ctx.user, ctx.param("slug"), in, scope, ctx.now);
  if (!r.errors.empty()) return render_edit(ctx, event_to_edit(ctx), in, r.errors, 422);
  return fv::redirect_saved(urls::event(r.event->slug), fv::Saved::event);
}

}  // namespace fabrique::events::pages
