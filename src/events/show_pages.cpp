// One event: its facts, programme, registration or waiting-list place, and for its organisers the
// registration list (also as CSV), attendance and the programme form; the same data as JSON and iCalendar.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "events/ics.hpp"
#include "events/json.hpp"
#include "events/loaders.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/templates/shared.hpp"
#include "events/times.hpp"
#include "events/use_cases.hpp"
#include "events/views.hpp"
#include "follows/pages.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::events::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// The online link is for people with a place and for organisers.
bool reveals_link(Context& ctx, const Event& e, const std::optional<Registration>& mine) {
  return (mine && mine->status == Status::registered) || can_organise(ctx.db, ctx.actor(), e);
}

Html registration_box(Context& ctx, const Event& e, const std::optional<Registration>& mine, const FieldErrors& errors) {
  Html error;
  if (const char* m = errors.find("registration"))
    error = render(R"(<p class="error" id="f-registration"><span class="visually-hidden">{} </span>{}</p>)",
                   ctx.tr(N_("Error:")), ctx.tr(m));
  if (!ctx.user)
    return render(R"({}<p><a href="/connexion?retour=/evenements/{}">{}</a></p>)", error, e.slug,
                  ctx.tr(N_("Sign in to register")));
  auto cancel_form = [&](const char* label) {
    return render(R"(<form method="post" action="/evenements/{}/annulation">{}<button type="submit" class="secondary">{}</button></form>)",
                  e.slug, fv::csrf_field(ctx), ctx.tr(label));
  };
  if (mine && mine->status == Status::registered)
    return render(R"({}<p class="notice" role="status">{}</p>{})", error, ctx.tr(N_("You are registered to this event.")),
                  cancel_form(N_("Cancel my registration")));
  if (mine)
    return render(R"({}<p class="notice" role="status">{}</p>{})", error,
                  fmt::format(fmt::runtime(ctx.tr(N_("You are number {} on the waiting list. You will get a place automatically when one frees up."))),
                              mine->position),
                  cancel_form(N_("Leave the waiting list")));
  if (e.status == EventStatus::cancelled) return render(R"({}<p>{}</p>)", error, ctx.tr(N_("This event is cancelled.")));
  if (e.status == EventStatus::tentative)
    return render(R"({}<p>{}</p>)", error, ctx.tr(N_("Registration opens once the date is confirmed.")));
  if (ctx.now >= e.starts_at || (e.registration_closes_at && ctx.now >= *e.registration_closes_at))
    return render(R"({}<p>{}</p>)", error, ctx.tr(N_("Registration is closed.")));
  const bool full = e.capacity && e.registered >= *e.capacity;
  return render(R"({}<form method="post" action="/evenements/{}/inscription">{}{}<button type="submit">{}</button></form>)",
                error, e.slug, fv::csrf_field(ctx),
                full ? render("<p>{}</p>", ctx.tr(N_("The event is full: you can join the waiting list."))) : Html(),
                full ? ctx.tr(N_("Join the waiting list")) : ctx.tr(N_("Register")));
}

// For a person listed as a speaker of the slot: whether their name is shown publicly, and a button
// to change it (their consent, which nobody else can give).
Html my_consent(Context& ctx, const Event& e, const Slot& s) {
  if (!ctx.user) return {};
  for (const auto& sp : s.speakers) {
    if (sp.user_id != ctx.user->id) continue;
    return render(R"(<form method="post" action="/evenements/{}/programme/{}/consentement" class="inline">{}<input type="hidden" name="nommer" value="{}"><p class="meta">{} <button type="submit" class="link">{}<span class="visually-hidden"> ({})</span></button></p></form>)",
                  e.slug, s.id, fv::csrf_field(ctx), sp.named ? "non" : "oui",
                  sp.named ? ctx.tr(N_("You are named publicly as a speaker.")) : ctx.tr(N_("Your name is not shown publicly.")),
                  sp.named ? ctx.tr(N_("Do not show my name")) : ctx.tr(N_("Show my name as a speaker")), s.title);
  }
  return {};
}

Html programme(Context& ctx, const Event& e, bool organiser, const FieldErrors& errors) {
  Html rows;
  for (const auto& s : store::slots(ctx.db, e.id)) {
    Html remove;
    if (organiser)
      remove = render(R"(<td><a href="/evenements/{}/programme/{}/modifier">{}<span class="visually-hidden"> {}</span></a> <form method="post" action="/evenements/{}/programme/{}/supprimer" class="inline">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form></td>)",
                      e.slug, s.id, ctx.tr(N_("Edit")), s.title, e.slug, s.id, fv::csrf_field(ctx), ctx.tr(N_("Remove")), s.title);
    rows += render(R"(<tr><td>{}–{}</td><th scope="row">{}</th><td>{}</td><td>{}{}</td><td>{}</td>{}</tr>)",
                   times::hour(s.starts_at), times::hour(s.ends_at), s.title, views::slot_kind_label(ctx, s.kind),
                   views::speakers(ctx, s, organiser), my_consent(ctx, e, s), s.coalition ? render(R"(<a href="/coalitions/{}">{}</a>)", s.coalition->slug, s.coalition->name) : Html(),
                   remove);
  }
  Html table = rows.empty() ? render("<p>{}</p>", ctx.tr(N_("The programme has not been published yet.")))
                            : render(R"(<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table></div>)",
                                     ctx.tr(N_("Time")), ctx.tr(N_("Slot")), ctx.tr(N_("Kind")), ctx.tr(N_("Speakers")),
                                     ctx.tr(N_("Coalition")),
                                     organiser ? render(R"(<th scope="col"><span class="visually-hidden">{}</span></th>)", ctx.tr(N_("Actions"))) : Html(),
                                     rows);
  if (!organiser) return table;
  return render(R"({}<h3>{}</h3>{}<form method="post" action="/evenements/{}/programme" novalidate>{}{}<button type="submit">{}</button></form>)",
                table, ctx.tr(N_("Add a slot")), fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx),
                html::render(*ctx.t, templates::SlotFields{.in = errors.empty() ? SlotInput{} : views::slot_input(ctx),
                                                          .choices = load_slot_choices(ctx), .errors = errors}),
                ctx.tr(N_("Add the slot")));
}

Html organiser_tools(Context& ctx, const Event& e, const FieldErrors& errors) {
  auto list = registration_list(ctx.db, *ctx.user, e);
  Html rows;
  std::vector<fv::Option> people;
  std::vector<std::string> came;
  for (const auto& r : list) {
    rows += render(R"(<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><form method="post" action="/evenements/{}/annulation">{}<input type="hidden" name="personne" value="{}"><button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form></td></tr>)",
                   r.name, r.organisation, r.email,
                   r.status == Status::registered ? ctx.tr(N_("registered"))
                                                  : fmt::format(fmt::runtime(ctx.tr(N_("waiting ({})"))), r.position),
                   e.slug, fv::csrf_field(ctx), r.user_id, ctx.tr(N_("Cancel")), r.name);
    if (r.status == Status::registered) {
      people.push_back({std::to_string(r.user_id), r.organisation.empty() ? r.name : r.name + " (" + r.organisation + ")"});
      if (r.attended) came.push_back(std::to_string(r.user_id));
    }
  }
  Html table = rows.empty() ? render("<p>{}</p>", ctx.tr(N_("Nobody has registered yet.")))
                            : render(R"(<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"><span class="visually-hidden">{}</span></th></tr></thead><tbody>{}</tbody></table></div>)",
                                     ctx.tr(N_("Person")), ctx.tr(N_("Organisation")), ctx.tr(N_("E-mail")),
                                     ctx.tr(N_("Status")), ctx.tr(N_("Actions")), rows);
  Html attendance;
  if (ctx.now >= e.starts_at) {
    std::vector<fv::Option> orgs;
    std::vector<std::string> present;
    for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) orgs.push_back({o.slug, o.name});
    for (const auto& o : store::present_organisations(ctx.db, e.id)) present.push_back(o.slug);
    attendance = render(R"(<h3>{}</h3>{}<form method="post" action="/evenements/{}/presences">{}{}{}<button type="submit">{}</button></form>)",
                        ctx.tr(N_("Attendance")), fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx),
                        people.empty() ? Html() : views::checkboxes(ctx, "present", ctx.tr(N_("People who came")), people, came, errors),
                        views::checkboxes(ctx, "organisations", ctx.tr(N_("Organisations present")), orgs, present, errors),
                        ctx.tr(N_("Save attendance")));
  }
  return render(R"(<section aria-labelledby="inscrits"><h2 id="inscrits">{}</h2><p><a href="/evenements/{}/modifier">{}</a> · <a href="/evenements/{}/inscrits.csv">{}</a></p>{}{}</section>)",
                ctx.tr(N_("Registrations (visible to organisers)")), e.slug, ctx.tr(N_("Edit the event")), e.slug,
                ctx.tr(N_("Download the list (CSV)")), table, attendance);
}

Response render_show(Context& ctx, const Event& e, const FieldErrors& registration_errors,
                     const FieldErrors& slot_errors, const FieldErrors& attendance_errors, int status) {
  std::optional<Registration> mine;
  if (ctx.user) mine = store::registration(ctx.db, e.id, ctx.user->id);
  const bool organiser = can_organise(ctx.db, ctx.actor(), e);
  const bool link = reveals_link(ctx, e, mine);
  Html coalition_links, organiser_links;
  for (const auto& k : e.coalitions)
    coalition_links += render(R"({}<a href="/coalitions/{}">{}</a>)", coalition_links.empty() ? "" : ", ", k.slug, k.name);
  for (const auto& o : e.organisers)
    organiser_links += render(R"({}<a href="/organisations/{}">{}</a>)", organiser_links.empty() ? "" : ", ", o.slug, o.name);
  Html online;
  if (!e.online_url.empty())
    online = link ? render(R"(<dt>{}</dt><dd><a href="{}">{}</a></dd>)", ctx.tr(N_("Online link")), e.online_url, e.online_url)
                  : render(R"(<dt>{}</dt><dd>{}</dd>)", ctx.tr(N_("Online")), ctx.tr(N_("The link is given to registered participants.")));
  std::string places = e.capacity ? fmt::format(fmt::runtime(ctx.tr(N_("{} places: {} taken, {} waiting"))), *e.capacity,
                                                e.registered, e.waiting)
                                  : fmt::format(fmt::runtime(ctx.tr(N_("No limit: {} registered"))), e.registered);
  const bool has_minutes = !e.minutes.empty() || organiser || ctx.now >= e.ends_at;
  Html series;
  if (e.series_id && ctx.user)
    series = render(R"(<div class="series"><p>{}</p>{}</div>)", ctx.tr(N_("This event is one of a series.")),
                    follows::pages::button(ctx, follows::Subject::series, *e.series_id,
                                           "/evenements/" + e.slug + "/serie/suivre",
                                           fmt::format(fmt::runtime(ctx.tr(N_("the series of “{}”"))), e.title)));
  Html body = render(
      R"(<p class="meta"><a href="/evenements">{}</a> › {}</p>
<h1>{}</h1>
<dl class="facts">
<dt>{}</dt><dd><time datetime="{}">{}</time> <span class="meta">({})</span>{}</dd>
{}{}
<dt>{}</dt><dd>{}</dd>
{}{}{}
</dl>
{}{}
<h2 id="programme">{}</h2>
{}
<h2 id="inscription">{}</h2>
{}
{}
{}
<p><a href="/evenements/{}.ics">{}</a> · <a href="/evenements/{}.json">{}</a></p>)",
      ctx.tr(N_("Events")), e.kind_label, e.title, ctx.tr(N_("When")), times::input_value(e.starts_at), views::when(ctx, e),
      ctx.tr(N_("Paris time")), views::status_note(ctx, e),
      e.place.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Place")), e.place), online,
      ctx.tr(N_("Places")), places,
      e.registration_closes_at ? render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Registration closes")), ctx.t->datetime(*e.registration_closes_at)) : Html(),
      organiser_links.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Organised by")), organiser_links),
      coalition_links.empty() ? Html() : render("<dt>{}</dt><dd>{}</dd>", ctx.tr(N_("Coalitions")), coalition_links),
      e.description.empty() ? Html() : render(R"(<div class="prose">{}</div>)", text::render_markdown(e.description, 2)),
      series, ctx.tr(N_("Programme")), programme(ctx, e, organiser, slot_errors), ctx.tr(N_("Registration")),
      registration_box(ctx, e, mine, registration_errors),
      has_minutes ? render(R"(<p><a href="/evenements/{}/compte-rendu">{}</a></p>)", e.slug,
                           fmt::format(fmt::runtime(ctx.tr(N_("Minutes: Retour sur {}"))), e.title))
                  : Html(),
      organiser ? organiser_tools(ctx, e, attendance_errors) : Html(), e.slug,
      ctx.tr(N_("Add to my calendar (iCalendar)")), e.slug, ctx.tr(N_("This event as JSON")));
  return fv::page(ctx, status, e.title, body);
}

Event event_or_404(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  return *e;
}

}  // namespace

Response show(Context& ctx) { return render_show(ctx, event_or_404(ctx), {}, {}, {}, 200); }

Response show_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) {
    Response r = coalitions::json::response(ctx, {{"error", "not found"}});
    r.status = 404;
    return r;
  }
  std::optional<Registration> mine;
  if (ctx.user) mine = store::registration(ctx.db, e->id, ctx.user->id);
  auto o = json::event(ctx, *e, reveals_link(ctx, *e, mine));
  o["description"] = e->description;
  boost::json::array slots;
  const bool organiser = can_organise(ctx.db, ctx.actor(), *e);
  for (const auto& s : store::slots(ctx.db, e->id))
    slots.push_back({{"id", s.id}, {"starts_at", coalitions::json::iso(s.starts_at)}, {"ends_at", coalitions::json::iso(s.ends_at)},
                     {"title", s.title}, {"kind", s.kind}, {"speakers", json::speakers(ctx, s, organiser)},
                     {"other_speakers", s.other_speakers},
                     {"coalition", s.coalition ? boost::json::value(s.coalition->slug) : nullptr}});
  o["programme"] = std::move(slots);
  if (mine)
    o["my_registration"] = {{"status", mine->status == Status::registered ? "registered" : "waiting"},
                            {"position", mine->position}};
  return coalitions::json::response(ctx, o);
}

Response show_ics(Context& ctx) {
  Event e = event_or_404(ctx);
  std::optional<Registration> mine;
  if (ctx.user) mine = store::registration(ctx.db, e.id, ctx.user->id);
  const bool link = reveals_link(ctx, e, mine);
  Response r;
  r.content_type = ics::kContentType;
  // The programme goes in the DESCRIPTION, with speakers as the public sees them.
  std::string programme;
  for (const auto& s : store::slots(ctx.db, e.id)) {
    const std::string who = views::speakers_text(ctx, s);
    programme += "\n" + times::hour(s.starts_at) + "–" + times::hour(s.ends_at) + " " + s.title + (who.empty() ? "" : " — " + who);
  }
  if (!programme.empty()) programme = ctx.tr(N_("Programme")) + programme;
  r.body = ics::calendar({e}, ctx.base_url, e.title, ctx.now, [&](const Event&) { return link; },
                         [&](const Event&) { return programme; });
  r.set_header("Content-Disposition", "attachment; filename=\"" + e.slug + ".ics\"");
  return r;
}

Response register_(Context& ctx) {
  auto r = register_for_event(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  if (!r.errors.empty()) return render_show(ctx, event_or_404(ctx), r.errors, {}, {}, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + "#inscription");
}

Response cancel(Context& ctx) {
  std::int64_t who = ctx.user->id;
  if (ctx.form.has("personne")) {
    auto person = numbers::whole(ctx.form.get("personne"), 1, numbers::kMaxId);
    if (!person) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
    who = *person;
  }
  FieldErrors errors;
  cancel_registration(ctx.db, *ctx.user, ctx.param("slug"), who, errors, ctx.now);
  if (!errors.empty()) return render_show(ctx, event_or_404(ctx), errors, {}, {}, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + (who == ctx.user->id ? "#inscription" : "#inscrits"));
}

Response registrations_csv(Context& ctx) {
  Event e = event_or_404(ctx);
  csv::Writer w;
  w.row({ctx.tr(N_("Name")), ctx.tr(N_("E-mail")), ctx.tr(N_("Organisation")), ctx.tr(N_("Status")),
         ctx.tr(N_("Position on the waiting list")), ctx.tr(N_("Registered on")), ctx.tr(N_("Came"))});
  for (const auto& r : registration_list(ctx.db, *ctx.user, e))
    w.row({r.name, r.email, r.organisation,
           r.status == Status::registered ? ctx.tr(N_("registered")) : ctx.tr(N_("on the waiting list")),
           r.position ? std::to_string(r.position) : std::string(), ctx.t->datetime(r.created_at),
           r.attended ? ctx.tr(N_("yes")) : std::string()});
  Response out;
  out.content_type = csv::kContentType;
  out.body = w.take();
  out.set_header("Content-Disposition", "attachment; filename=\"inscrits-" + e.slug + ".csv\"");
  return out;
}

Response attendance(Context& ctx) {
  std::set<std::int64_t> present;
  for (const auto& v : ctx.form.all("present")) {
    auto person = numbers::whole(v, 1, numbers::kMaxId);
    if (!person) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
    present.insert(*person);
  }
  auto errors = mark_attendance(ctx.db, *ctx.user, ctx.param("slug"), present, ctx.form.all("organisations"), ctx.now);
  if (!errors.empty()) return render_show(ctx, event_or_404(ctx), {}, {}, errors, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + "#inscrits");
}

Response add_slot(Context& ctx) {
  auto errors = events::add_slot(ctx.db, *ctx.user, ctx.param("slug"), views::slot_input(ctx), ctx.now);
  if (!errors.empty()) return render_show(ctx, event_or_404(ctx), {}, errors, {}, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + "#programme");
}

Response consent(Context& ctx) {
  consent_to_speak(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.form.get("nommer") == "oui");
  return Response::redirect("/evenements/" + ctx.param("slug") + "#programme");
}

Response remove_slot(Context& ctx) {
  events::remove_slot(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.now);
  return Response::redirect("/evenements/" + ctx.param("slug") + "#programme");
}

}  // namespace fabrique::events::pages
