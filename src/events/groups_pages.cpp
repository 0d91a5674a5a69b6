// The pages of breakout groups (groups.hpp): the organisers' page splitting the participants into
// groups (by hand, or evenly with the helper), and each group's notes page.
#include <fmt/format.h>

#include "common/numbers.hpp"
#include "events/groups.hpp"
#include "events/json.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/templates/groups.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "i18n/i18n.hpp"
#include "views/layout.hpp"

namespace fabrique::events {

std::string note_kind_label(const i18n::Translator& t, ItemKind k) {
  switch (k) {
    case ItemKind::question:
      return t.tr(i18n::N_("Question"));
    case ItemKind::idea:
      return t.tr(i18n::N_("Idea"));
    case ItemKind::next_step:
      return t.tr(i18n::N_("Next step"));
    case ItemKind::decision:
      return t.tr(i18n::N_("Decision"));
  }
  return {};
}

std::string group_people(const i18n::Translator& t, const BreakoutGroup& g, bool real_name) {
  const std::string people =
      fmt::format(fmt::runtime(t.trn("{} person", "{} people", static_cast<long>(g.members.size()))), g.members.size());
  const std::string& who = real_name ? g.facilitator_name : g.facilitator_public;
  if (who.empty()) return people;
  return fmt::format(fmt::runtime(t.tr(i18n::N_("Facilitated by {}, {}"))), who, people);
}

std::string group_summary(const i18n::Translator& t, const BreakoutGroup& g) {
  return fmt::format(fmt::runtime(t.tr(i18n::N_("Group {}: {}"))), g.position, g.topic) + " — " +
         group_people(t, g, true);
}

boost::json::array json::groups(const std::vector<BreakoutGroup>& groups) {
  boost::json::array out;
  for (const auto& g : groups) {
    boost::json::array notes;
    for (const auto& i : g.notes) notes.push_back(json::item(i));
    boost::json::object o;
    o["position"] = g.position;
    o["topic"] = g.topic;
    o["facilitator"] =
        g.facilitator_public.empty() ? boost::json::value(nullptr) : boost::json::value(g.facilitator_public);
    o["members"] = static_cast<std::int64_t>(g.members.size());
    o["notes"] = std::move(notes);
    out.push_back(std::move(o));
  }
  return out;
}

namespace pages {
namespace {

using i18n::N_;
namespace fv = fabrique::views;

constexpr const char* kOrganisersOnly = N_("Only the organisers of this event can split its participants into groups.");

std::string group_label(const i18n::Translator& t, const BreakoutGroup& g) {
  return fmt::format(fmt::runtime(t.tr(N_("Group {}: {}"))), g.position, g.topic);
}

// Did the form ask for a search in one of its pickers (the page comes back, nothing saved)?
bool searched(const http::Context& ctx, const std::vector<std::int64_t>& ids) {
  for (auto id : ids)
    if (ctx.form.has(fv::picker_names(group_field("facilitator", id)).button)) return true;
  return ctx.form.has(fv::picker_names(group_field("facilitator", 0)).button);
}

// The group ids the form holds, in its order.
std::vector<std::int64_t> sent_ids(const http::Context& ctx) {
  std::vector<std::int64_t> out;
  for (const auto& v : ctx.form.all("group"))
    if (auto id = numbers::whole(v, 1, numbers::kMaxId)) out.push_back(*id);
  return out;
}

GroupsInput groups_input(const http::Context& ctx, const std::vector<Registration>& people) {
  GroupsInput in;
  for (auto id : sent_ids(ctx))
    in.groups.push_back({.id = id,
                         .topic = ctx.form.get(group_field("topic", id)),
                         .facilitator = ctx.form.all(group_field("facilitator", id)),
                         .remove = ctx.form.has(group_field("remove", id))});
  in.groups.push_back({.id = 0,
                       .topic = ctx.form.get(group_field("topic", 0)),
                       .facilitator = ctx.form.all(group_field("facilitator", 0)),
                       .remove = false});
  for (const auto& r : people)
    if (r.status == Status::registered) in.members[r.user_id] = ctx.form.get("member-" + std::to_string(r.user_id));
  return in;
}

// The groups' page: from what was saved, or (`sent`) from the form as it was sent.
GroupsPage load_groups_page(http::Context& ctx, const Event& e, bool sent) {
  GroupsPage page;
  page.event = e;
  page.title = ctx.tr(N_("Breakout groups"));
  page.version = store::groups_version(ctx.db, e.id);
  for (auto& r : registration_list(ctx.db, *ctx.user, e))
    if (r.status == Status::registered) page.people.push_back(std::move(r));
  const auto people = people_choices(page.people);
  const auto saved = store::groups(ctx.db, e.id);
  for (const auto& g : saved) page.group_options.push_back({std::to_string(g.id), group_label(*ctx.t, g)});
  auto row = [&](std::int64_t id, std::int64_t number, std::string topic, std::vector<std::string> chosen,
                 bool remove) {
    const auto name = group_field("facilitator", id);
    page.rows.push_back(
        {.id = id,
         .number = number,
         .topic = std::move(topic),
         .facilitator = people_picker_of(people, name, N_("Facilitator"), N_("No facilitator chosen yet."), chosen,
                                         sent ? ctx.form.get(name + "_q") : std::string()),
         .remove = remove});
  };
  if (sent) {
    std::int64_t number = 0;
    for (auto id : sent_ids(ctx))
      row(id, ++number, ctx.form.get(group_field("topic", id)), ctx.form.all(group_field("facilitator", id)),
          ctx.form.has(group_field("remove", id)));
    for (const auto& r : page.people) page.member_of[r.user_id] = ctx.form.get("member-" + std::to_string(r.user_id));
  } else {
    for (const auto& g : saved) {
      std::vector<std::string> chosen;
      if (g.facilitator_id) chosen.push_back(std::to_string(*g.facilitator_id));
      row(g.id, g.position, g.topic, chosen, false);
      for (auto user : g.members) page.member_of[user] = std::to_string(g.id);
    }
  }
  row(0, 0, sent ? ctx.form.get(group_field("topic", 0)) : std::string(),
      sent ? ctx.form.all(group_field("facilitator", 0)) : std::vector<std::string>(), false);
  page.count = ctx.form.get("count");
  return page;
}

http::Response render_groups(http::Context& ctx, GroupsPage& page, int status) {
  return fv::page(ctx, status, page.title + " — " + page.event.title,
                  html::render(*ctx.t, templates::Groups{.page = page, .csrf = ctx.csrf_token()}));
}

Event event_to_split(http::Context& ctx) {
  return event_to_organise(ctx.db, *ctx.user, ctx.param("slug"), kOrganisersOnly);
}

// After a refusal: the form as sent, with the version it was sent from, or on conflict the
// current one (and the groups as saved now), so that saving again replaces them.
http::Response refused(http::Context& ctx, const Event& e, const GroupsResult& r, std::int64_t sent_version) {
  GroupsPage page = load_groups_page(ctx, e, true);
  page.errors = r.errors;
  if (r.conflict) {
    page.conflict = true;
    page.current = store::groups(ctx.db, e.id);
  } else {
    page.version = sent_version;
  }
  return render_groups(ctx, page, r.conflict ? 409 : 422);
}

}  // namespace

http::Response groups(http::Context& ctx) {
  const Event e = event_to_split(ctx);
  GroupsPage page = load_groups_page(ctx, e, false);
  page.done = ctx.query.get("fait");
  return render_groups(ctx, page, 200);
}

http::Response save_groups(http::Context& ctx) {
  const Event e = event_to_split(ctx);
  auto version = numbers::whole(ctx.form.get("version"), 0, numbers::kMaxId);
  if (!version) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  if (searched(ctx, sent_ids(ctx))) {
    GroupsPage page = load_groups_page(ctx, e, true);
    page.version = *version;
    return render_groups(ctx, page, 200);
  }
  auto r = events::save_groups(ctx.db, *ctx.user, e.slug, groups_input(ctx, registration_list(ctx.db, *ctx.user, e)),
                               *version, ctx.now);
  if (r.conflict || !r.errors.empty()) return refused(ctx, e, r, *version);
  return http::Response::redirect(urls::groups(e.slug) + "?fait=enregistre");
}

http::Response spread_groups(http::Context& ctx) {
  const Event e = event_to_split(ctx);
  auto version = numbers::whole(ctx.form.get("version"), 0, numbers::kMaxId);
  if (!version) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  auto r =
      spread_into_groups(ctx.db, *ctx.user, e.slug, ctx.form.get("count"), *version, ctx.tr(N_("Group {}")), ctx.now);
  if (r.conflict || !r.errors.empty()) {
    GroupsPage page = load_groups_page(ctx, e, false);
    page.errors = r.errors;
    page.conflict = r.conflict;
    if (r.conflict) page.current = store::groups(ctx.db, e.id);
    return render_groups(ctx, page, r.conflict ? 409 : 422);
  }
  return http::Response::redirect(urls::groups(e.slug) + "?fait=enregistre");
}

namespace {

http::Response render_group(http::Context& ctx, const FieldErrors& errors, int status) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  const auto id = ctx.param_int("id");
  for (auto& g : store::groups_with_notes(ctx.db, e->id)) {
    if (g.id != id) continue;
    GroupNotesPage page{.event = *e, .group = std::move(g)};
    page.title = group_label(*ctx.t, page.group);
    page.may_write = may_write_group_notes(ctx.db, ctx.actor(), *e, page.group);
    page.kinds = {
        {"question", ctx.tr(N_("Question"))}, {"idee", ctx.tr(N_("Idea"))}, {"suite", ctx.tr(N_("Next step"))}};
    page.kind = ctx.form.get("kind");
    page.body = ctx.form.get("body");
    page.errors = errors;
    // Only those who write see forms; asking for the token makes the page personal.
    const std::string csrf = page.may_write ? ctx.csrf_token() : std::string();
    return fv::page(ctx, status, page.title + " — " + e->title,
                    html::render(*ctx.t, templates::GroupNotes{.page = page, .csrf = csrf}));
  }
  throw NotFound();
}

}  // namespace

http::Response group(http::Context& ctx) { return render_group(ctx, {}, 200); }

http::Response add_group_note(http::Context& ctx) {
  const std::string kind = ctx.form.get("kind");
  std::optional<ItemKind> k;
  if (kind == "question") k = ItemKind::question;
  if (kind == "idee") k = ItemKind::idea;
  if (kind == "suite") k = ItemKind::next_step;
  auto errors = events::add_group_note(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), k,
                                       ctx.form.get("body"), ctx.now);
  if (!errors.empty()) return render_group(ctx, errors, 422);
  return http::Response::redirect(urls::group(ctx.param("slug"), ctx.param_int("id")));
}

http::Response remove_group_note(http::Context& ctx) {
  events::remove_group_note(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.param_int("note"));
  return http::Response::redirect(urls::group(ctx.param("slug"), ctx.param_int("id")));
}

}  // namespace pages
}  // namespace fabrique::events
