// One event: its facts, programme, registration or waiting-list place, and for its organisers their
// sections, each a page of its own: the programme with its forms, the registration list (also as
// CSV), attendance; the same data as JSON and iCalendar.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/csv.hpp"
#include "common/numbers.hpp"
#include "events/ics.hpp"
#include "events/json.hpp"
#include "events/loaders.hpp"
#include "events/pages.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/templates/show.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/views.hpp"
#include "follows/pages.hpp"
#include "i18n/i18n.hpp"
#include "journal/pages.hpp"
#include "organisations/picker.hpp"
#include "territories/placing.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

// The online link is for people with a place and for organisers.
bool reveals_link(Context& ctx, const Event& e, const std::optional<Registration>& mine) {
  return (mine && mine->status == Status::registered) || can_organise(ctx.db, ctx.actor(), e);
}

// Everything the event's page, or one of its organisers' sections, shows, read in one place. The
// errors are a refused registration, slot or attendance form, shown again with what was typed.
ShowPage load_show(Context& ctx, const Event& e, Section section, const FieldErrors& registration_errors,
                   const FieldErrors& slot_errors, const FieldErrors& attendance_errors) {
  ShowPage page;
  page.event = e;
  page.programme = store::slots(ctx.db, e.id);
  if (ctx.user) {
    page.user_id = ctx.user->id;
    page.mine = store::registration(ctx.db, e.id, ctx.user->id);
  }
  page.organiser = can_organise(ctx.db, ctx.actor(), e);
  page.reveals_link = reveals_link(ctx, e, page.mine);
  page.registration_closed =
      ctx.now >= e.starts_at || (e.registration_closes_at && ctx.now >= *e.registration_closes_at);
  page.territories = territories::places(ctx.db, territories::subject::event, e.id);
  page.has_minutes = !e.minutes.empty() || page.organiser || ctx.now >= e.ends_at;
  if (e.series_id && ctx.user)
    page.follow_series =
        follows::pages::button(ctx, follows::Subject::series, *e.series_id, urls::follow_series(e.slug),
                               fmt::format(fmt::runtime(ctx.tr(N_("the series of “{}”"))), e.title));
  page.registration_errors = registration_errors;
  if (!page.organiser || section == Section::event) return page;

  if (section == Section::programme) return page;
  if (section == Section::new_slot) {
    page.slot_errors = slot_errors;
    // A refused slot, or one whose picker searched, comes back with what was typed.
    if (ctx.form.has("slot_title")) page.slot_typed = views::slot_input(ctx);
    page.slot_choices = load_slot_choices(ctx, page.slot_typed);
    return page;
  }
  page.registrations = registration_list(ctx.db, *ctx.user, e);
  if (section != Section::attendance) return page;
  page.attendance_open = ctx.now >= e.starts_at;
  if (!page.attendance_open) return page;
  // The form as sent (a search, or a refusal), else who was recorded as there.
  const bool sent = ctx.form.has("present_q");
  std::vector<std::string> came;
  for (const auto& r : page.registrations)
    if (r.status == Status::registered && r.attended) came.push_back(std::to_string(r.user_id));
  std::vector<std::string> present;
  if (!sent)
    for (const auto& o : store::present_organisations(ctx.db, e.id)) present.push_back(o.slug);
  page.came =
      people_picker_of(people_choices(page.registrations), "present", N_("People who came"), N_("Nobody recorded yet."),
                       sent ? ctx.form.all("present") : came, ctx.form.get("present_q"));
  page.present =
      organisations::picker_of(ctx.db, "organisations", N_("Organisations present"),
                               sent ? ctx.form.all("organisations") : present, ctx.form.get("organisations_q"));
  page.attendance_errors = attendance_errors;
  return page;
}

Response render_show(Context& ctx, const Event& e, const FieldErrors& registration_errors, int status) {
  ShowPage page = load_show(ctx, e, Section::event, registration_errors, {}, {});
  // Only a signed-in person sees a form; asking for the token makes the page personal.
  std::string csrf = page.user_id ? ctx.csrf_token() : std::string();
  if (e.series_id) ctx.feeds.push_back({ctx.tr(N_("News of the series (Atom feed)")), urls::series_feed(e.slug)});
  html::Html main = html::render(*ctx.t, templates::Show{.page = page, .csrf = csrf});
  main += journal::pages::latest(
      ctx,
      {.event_id = e.id, .event_slug = e.starts_at <= ctx.now ? e.slug : std::string()});  // no look back before it
  return fv::page(ctx, status, e.title, main);
}

// One of the organisers' sections of the event (403 for anyone else), with a refused form's errors.
Response render_section(Context& ctx, const Event& e, Section section, const FieldErrors& errors, int status) {
  if (!can_organise(ctx.db, ctx.actor(), e))
    throw Forbidden(N_("Only the organisers of this event can see this page."));
  ShowPage page = load_show(ctx, e, section, section == Section::registrations ? errors : FieldErrors{},
                            section == Section::new_slot ? errors : FieldErrors{},
                            section == Section::attendance ? errors : FieldErrors{});
  const std::string csrf = ctx.csrf_token();
  std::string title;
  html::Html body;
  switch (section) {
    case Section::programme:
      title = ctx.tr(N_("Programme"));
      body = html::render(*ctx.t, templates::ProgrammePage{.page = page, .csrf = csrf});
      break;
    case Section::new_slot:
      title = ctx.tr(N_("Add a slot"));
      body = html::render(*ctx.t, templates::NewSlotPage{.page = page, .csrf = csrf});
      break;
    case Section::registrations:
      title = ctx.tr(N_("Registrations"));
      body = html::render(*ctx.t, templates::RegistrationsPage{.page = page, .csrf = csrf});
      break;
    default:
      title = ctx.tr(N_("Attendance"));
      body = html::render(*ctx.t, templates::AttendancePage{.page = page, .csrf = csrf});
      break;
  }
  return fv::page(ctx, status, title + " — " + e.title, std::move(body));
}

Event event_or_404(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  return *e;
}

}  // namespace

Response show(Context& ctx) { return render_show(ctx, event_or_404(ctx), {}, 200); }

Response programme(Context& ctx) { return render_section(ctx, event_or_404(ctx), Section::programme, {}, 200); }

Response new_slot_form(Context& ctx) { return render_section(ctx, event_or_404(ctx), Section::new_slot, {}, 200); }

Response registrations(Context& ctx) { return render_section(ctx, event_or_404(ctx), Section::registrations, {}, 200); }

Response attendance_form(Context& ctx) { return render_section(ctx, event_or_404(ctx), Section::attendance, {}, 200); }

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
  o["territories"] = territories::places_json(ctx, territories::places(ctx.db, territories::subject::event, e->id));
  boost::json::array slots;
  const bool organiser = can_organise(ctx.db, ctx.actor(), *e);
  for (const auto& s : store::slots(ctx.db, e->id))
    slots.push_back({{"id", s.id},
                     {"starts_at", coalitions::json::iso(s.starts_at)},
                     {"ends_at", coalitions::json::iso(s.ends_at)},
                     {"title", s.title},
                     {"kind", s.kind},
                     {"speakers", json::speakers(ctx, s, organiser)},
                     {"other_speakers", s.other_speakers},
                     {"coalition", s.coalition ? boost::json::value(s.coalition->slug) : nullptr}});
  o["programme"] = std::move(slots);
  if (mine)
    o["my_registration"] = {{"status", mine->status == Status::registered ? "registered" : "waiting"},
                            {"position", mine->position}};
  return coalitions::json::response(ctx, std::move(o));
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
    const std::string who = speakers_text(*ctx.t, s);
    programme += "\n" + times::hour(s.starts_at) + "–" + times::hour(s.ends_at) + " " + s.title +
                 (who.empty() ? "" : " — " + who);
  }
  if (!programme.empty()) programme = ctx.tr(N_("Programme")) + programme;
  r.body = ics::calendar(
      {e}, ctx.base_url, e.title, ctx.now, [&](const Event&) { return link; }, [&](const Event&) { return programme; });
  r.set_header("Content-Disposition", "attachment; filename=\"" + e.slug + ".ics\"");
  return r;
}

Response register_(Context& ctx) {
  auto r = register_for_event(ctx.db, *ctx.user, ctx.param("slug"), ctx.now);
  if (!r.errors.empty()) return render_show(ctx, event_or_404(ctx), r.errors, 422);
  return fv::redirect_saved(urls::event(ctx.param("slug")) + "#inscription",
                            r.status == Status::registered ? fv::Saved::registered : fv::Saved::waiting);
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
  if (!errors.empty())
    return who == ctx.user->id ? render_show(ctx, event_or_404(ctx), errors, 422)
                               : render_section(ctx, event_or_404(ctx), Section::registrations, errors, 422);
  return fv::redirect_saved(
      who == ctx.user->id ? urls::event(ctx.param("slug")) + "#inscription" : urls::registrations(ctx.param("slug")),
      fv::Saved::registration_cancelled);
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
  // A picker searched: the form again with what matches, nothing saved.
  if (!ctx.form.get("present_q").empty() || !ctx.form.get("organisations_q").empty())
    return render_section(ctx, event_or_404(ctx), Section::attendance, {}, 200);
  std::set<std::int64_t> present;
  for (const auto& v : ctx.form.all("present")) {
    auto person = numbers::whole(v, 1, numbers::kMaxId);
    if (!person) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
    present.insert(*person);
  }
  auto errors = mark_attendance(ctx.db, *ctx.user, ctx.param("slug"), present, ctx.form.all("organisations"), ctx.now);
  if (!errors.empty()) return render_section(ctx, event_or_404(ctx), Section::attendance, errors, 422);
  return fv::redirect_saved(urls::attendance(ctx.param("slug")), fv::Saved::attendance);
}

Response add_slot(Context& ctx) {
  if (slot_picker_searched(ctx)) return render_section(ctx, event_or_404(ctx), Section::new_slot, {}, 200);
  if (auto errors = slot_picker_errors(ctx); !errors.empty())
    return render_section(ctx, event_or_404(ctx), Section::new_slot, errors, 422);
  auto errors = events::add_slot(ctx.db, *ctx.user, ctx.param("slug"), views::slot_input(ctx), ctx.now);
  if (!errors.empty()) return render_section(ctx, event_or_404(ctx), Section::new_slot, errors, 422);
  return fv::redirect_saved(urls::programme(ctx.param("slug")), fv::Saved::slot);
}

Response consent(Context& ctx) {
  consent_to_speak(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.form.get("nommer") == "oui");
  return fv::redirect_saved(urls::event(ctx.param("slug")), fv::Saved::consent);
}

Response remove_slot(Context& ctx) {
  events::remove_slot(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.now);
  return fv::redirect_saved(urls::programme(ctx.param("slug")), fv::Saved::slot_removed);
}

}  // namespace fabrique::events::pages
