// The minutes of an event ("Retour sur …"): the text with who came, questions, decisions and next
// steps; the editor with its conflict page; the history, the comparison of two revisions, restore.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/picker.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "events/groups.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/picker.hpp"
#include "events/store.hpp"
#include "events/templates/minutes.hpp"
#include "events/times.hpp"
#include "events/urls.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "files/download.hpp"
#include "i18n/i18n.hpp"
#include "journal/pages.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/merge.hpp"
#include "views/revisions.hpp"
#include "views/saved.hpp"

namespace fabrique::events::pages {

using i18n::N_;
namespace fv = fabrique::views;

namespace {

Event event_of(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) throw NotFound();
  return *e;
}

std::string minutes_title(const Context& ctx, const Event& e) {
  return fmt::format(fmt::runtime(ctx.tr(N_("Retour sur {}"))), e.title);
}

// People who came and chose to show their name.
std::vector<std::string> named_attendees(Context& ctx, const Event& e) {
  std::vector<std::string> out;
  for (const auto& r : store::registrations(ctx.db, e.id))
    if (r.attended && r.show_name)
      out.push_back(r.organisation.empty() ? r.name : r.name + " (" + r.organisation + ")");
  return out;
}

// What the item form offers to choose from, the pickers holding what `typed` chose and searched.
ItemChoices item_choices(Context& ctx, const Event& e, const http::Form& typed) {
  ItemChoices out;
  out.kinds = {
      {"question", ctx.tr(N_("Question"))}, {"decision", ctx.tr(N_("Decision"))}, {"suite", ctx.tr(N_("Next step"))}};
  out.coalition =
      fabrique::coalitions::picker_of(*fabrique::coalitions::choices(ctx.db), "coalition", N_("Linked coalition"),
                                      fv::picked(typed.all("coalition")), typed.get("coalition_q"));
  // Organisers see who registered: a next step may name one of them.
  const auto people = people_choices(store::registrations(ctx.db, e.id));
  out.anyone_registered = !people.empty();
  out.assignee = people_picker_of(people, "assignee", N_("Person who does it"), N_("Nobody in particular."),
                                  fv::picked(typed.all("assignee")), typed.get("assignee_q"));
  return out;
}

// Everything the minutes page shows, read in one place.
MinutesPage load_minutes(Context& ctx, const Event& e) {
  MinutesPage page;
  page.event = e;
  page.title = minutes_title(ctx, e);
  page.organiser = can_organise(ctx.db, ctx.actor(), e);
  page.viewer = ctx.user ? ctx.user->id : 0;
  page.organisations = store::present_organisations(ctx.db, e.id);
  page.people = named_attendees(ctx, e);
  // Actions made from this event's next steps (one query), and who may make one, per coalition.
  const auto made = roadmaps::store::actions_from_event(ctx.db, e.id);
  std::map<std::int64_t, bool> can_create;
  for (auto& i : store::items(ctx.db, e.id)) {
    if (i.group_id) continue;  // in its group's notes
    if (i.kind == ItemKind::question) {
      page.questions.push_back(std::move(i));
    } else if (i.kind == ItemKind::decision) {
      page.decisions.push_back(std::move(i));
    } else {
      auto action = roadmaps::pages::next_step_action(
          ctx, e.slug, i.id, i.coalition ? std::optional(i.coalition->id) : std::nullopt, made, can_create);
      page.next_steps.push_back({std::move(i), std::move(action)});
    }
  }
  page.groups = store::groups_with_notes(ctx.db, e.id);
  page.attachments = store::attachments(ctx.db, e.id);
  // The fold holding what the organiser just saved, which the save's redirect names.
  if (page.organiser) {
    const std::string open = ctx.query.get("ouvert");
    for (const char* fold : {"questions", "decisions", "suites", "pieces"})
      if (open == fold) page.open = open;
  }
  return page;
}

Response render_minutes(Context& ctx, const Event& e) {
  MinutesPage page = load_minutes(ctx, e);
  // Only organisers see forms; asking for the token makes the page personal.
  std::string csrf = page.organiser ? ctx.csrf_token() : std::string();
  html::Html main = html::render(*ctx.t, templates::Minutes{.page = page, .csrf = csrf});
  main += journal::pages::latest(
      ctx,
      {.event_id = e.id, .event_slug = e.starts_at <= ctx.now ? e.slug : std::string()});  // no look back before it
  return fv::page(ctx, page.title, main);
}

// The page attaching a file, with the errors of a refused one.
Response render_attach(Context& ctx, const Event& e, const FieldErrors& errors, int status) {
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Attach a file to the minutes of {}"))), e.title);
  return fv::page(
      ctx, status, title,
      html::render(*ctx.t, templates::AttachFile{.e = e, .title = title, .errors = errors, .csrf = ctx.csrf_token()}));
}

// The editor; on conflict (`conflict` set) the text to settle, with `merge` what the person already
// answered for it.
Response render_editor(Context& ctx, const Event& e, std::int64_t base, const std::string& text,
                       const std::string& comment, const FieldErrors& errors, const MinutesResult* conflict,
                       const text::MergeAnswer* merge, int status) {
  fv::Conflicts conflicts;
  if (conflict) {
    conflicts.base_revision = conflict->merge_base;
    conflicts.their_revision = conflict->current_revision;
    const text::Settlement* answer = nullptr;
    if (merge)
      if (auto it = merge->settlements.find("minutes"); it != merge->settlements.end()) answer = &it->second;
    conflicts.fields.push_back(fv::field_conflict(ctx, "minutes", ctx.tr(N_("Minutes")), conflict->base,
                                                  conflict->current, conflict->mine, answer));
  }
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit the minutes of {}"))), e.title);
  return fv::page(ctx, status, title,
                  html::render(*ctx.t, templates::EditMinutes{.e = e,
                                                              .minutes_title = minutes_title(ctx, e),
                                                              .title = title,
                                                              .base = base,
                                                              .text = text,
                                                              .comment = comment,
                                                              .conflicts = conflicts,
                                                              .errors = errors,
                                                              .csrf = ctx.csrf_token()}));
}

Event event_to_write(Context& ctx) {
  return event_to_organise(ctx.db, *ctx.user, ctx.param("slug"),
                           N_("Only the organisers of this event can write its minutes."));
}

}  // namespace

Response minutes(Context& ctx) { return render_minutes(ctx, event_of(ctx)); }

Response minutes_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return coalitions::json::not_found(ctx);
  boost::json::object o;
  o["event"] = json::event(ctx, *e, false);
  o["revision"] = e->minutes_revision;
  o["text"] = e->minutes;
  boost::json::array orgs, people, items;
  for (const auto& org : store::present_organisations(ctx.db, e->id))
    orgs.push_back({{"slug", org.slug}, {"name", org.name}});
  for (const auto& p : named_attendees(ctx, *e)) people.push_back(boost::json::value(p));
  for (const auto& i : store::items(ctx.db, e->id))
    if (!i.group_id) items.push_back(json::item(i));
  o["organisations_present"] = std::move(orgs);
  o["people_present"] = std::move(people);
  o["items"] = std::move(items);
  o["groups"] = json::groups(store::groups_with_notes(ctx.db, e->id));
  return coalitions::json::response(ctx, std::move(o));
}

Response minutes_edit(Context& ctx) {
  Event e = event_to_write(ctx);
  return render_editor(ctx, e, e.minutes_revision, e.minutes, "", {}, nullptr, nullptr, 200);
}

Response minutes_save(Context& ctx) {
  MinutesEdit edit;
  if (auto base = numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId)) {
    edit.base_revision = *base;
  } else {
    return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  }
  edit.body = ctx.form.get("minutes");
  edit.comment = ctx.form.get("comment");
  edit.merge = fv::read_merge(ctx.form);
  auto r = save_minutes(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (r.conflict)
    // The next save starts from the current revision, the text to settle shown.
    return render_editor(ctx, event_of(ctx), r.current_revision, edit.body, edit.comment, r.errors, &r, &edit.merge,
                         r.errors.empty() ? 409 : 422);
  if (!r.errors.empty())
    return render_editor(ctx, event_of(ctx), edit.base_revision, edit.body, edit.comment, r.errors, nullptr, nullptr,
                         422);
  // A save merged with someone else's says so (and which revision it merged with); any other, that it was saved.
  if (r.merged_with) return Response::redirect(fv::merged(urls::minutes(ctx.param("slug")), r.merged_with));
  return fv::redirect_saved(urls::minutes(ctx.param("slug")), fv::Saved::minutes);
}

Response minutes_history(Context& ctx) {
  Event e = event_of(ctx);
  const bool organiser = can_organise(ctx.db, ctx.actor(), e);
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("History of the minutes of {}"))), e.title);
  return fv::page(
      ctx, title,
      html::render(*ctx.t, templates::MinutesHistory{.e = e,
                                                     .minutes_title = minutes_title(ctx, e),
                                                     .title = title,
                                                     .revisions = store::minutes_revisions(ctx.db, e.id),
                                                     .organiser = organiser,
                                                     .csrf = organiser ? ctx.csrf_token() : std::string()}));
}

Response minutes_history_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) return coalitions::json::not_found(ctx);
  boost::json::array revisions;
  for (const auto& r : store::minutes_revisions(ctx.db, e->id)) {
    auto o = coalitions::json::revision({r.number, r.created_at, r.author, r.comment, r.restored_from, r.merged_with});
    o["text"] = r.body;
    revisions.push_back(std::move(o));
  }
  return coalitions::json::response(ctx, {{"event", json::event(ctx, *e, false)}, {"revisions", std::move(revisions)}});
}

Response minutes_compare(Context& ctx) {
  Event e = event_of(ctx);
  auto number = [&](const char* name) -> std::int64_t {
    return numbers::whole(ctx.query.get(name), 0, numbers::kMaxId).value_or(-1);
  };
  auto a = store::minutes_revision(ctx.db, e.id, number("de")), b = store::minutes_revision(ctx.db, e.id, number("a"));
  const std::string history = urls::minutes_history(e.slug);
  if (!a || !b) return fv::no_such_revisions(ctx, history);
  const std::string title = minutes_title(ctx, e);
  return fv::compare_revisions(ctx,
                               html::render(R"(<a href="{}">{}</a> › <a href="{}">{}</a>)", urls::minutes(e.slug),
                                            title, history, ctx.tr(N_("History"))),
                               a->number, b->number, {{title, a->body, b->body}});
}

Response minutes_restore(Context& ctx) {
  restore_minutes(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("number"), ctx.now);
  return fv::redirect_saved(urls::minutes_history(ctx.param("slug")), fv::Saved::restored);
}

namespace {

// A picker of the item form searched: the form comes back with what matches, nothing saved.
bool item_picker_searched(const Context& ctx) {
  return !ctx.form.get("coalition_q").empty() || !ctx.form.get("assignee_q").empty();
}

// The errors of an item form choosing more than one coalition or person in its pickers.
FieldErrors more_than_one(const Context& ctx) {
  FieldErrors errors;
  fv::one_at_most(errors, "coalition", ctx.form.all("coalition"), N_("Choose one coalition at most."));
  fv::one_at_most(errors, "assignee", ctx.form.all("assignee"), N_("Choose one person at most."));
  return errors;
}

// The item form as posted; nothing when its kind is not one of the list's.
std::optional<ItemInput> item_input(const Context& ctx) {
  ItemInput in;
  const std::string kind = ctx.form.get("kind");
  if (kind != "question" && kind != "decision" && kind != "suite") return std::nullopt;
  in.kind = kind == "question" ? ItemKind::question : kind == "decision" ? ItemKind::decision : ItemKind::next_step;
  in.body = ctx.form.get("body");
  in.asked_by = ctx.form.get("asked_by");
  in.asked_to = ctx.form.get("asked_to");
  in.answer = ctx.form.get("answer");
  in.due = ctx.form.get("due");
  in.coalition = ctx.form.get("coalition");
  in.assignee = ctx.form.get("assignee");
  return in;
}

// The fold of the organisers' minutes that holds items of kind `k`.
const char* fold_of(ItemKind k) {
  return k == ItemKind::question ? "questions" : k == ItemKind::decision ? "decisions" : "suites";
}

// The stored item as its form's fields.
http::Form item_form(const MinutesItem& i) {
  http::Form f;
  f.add("kind", i.kind == ItemKind::question ? "question" : i.kind == ItemKind::decision ? "decision" : "suite");
  f.add("body", i.body);
  f.add("asked_by", i.asked_by);
  f.add("asked_to", i.asked_to);
  f.add("answer", i.answer);
  f.add("due", i.due_at ? times::date_value(*i.due_at) : std::string());
  f.add("coalition", i.coalition ? i.coalition->slug : std::string());
  f.add("assignee", i.assignee_id ? std::to_string(*i.assignee_id) : std::string());
  return f;
}

// The item's edit page (`id` 0: the page adding one) with `typed` in its form.
Response render_item_edit(Context& ctx, const Event& e, std::int64_t id, std::int64_t version, const http::Form& typed,
                          const FieldErrors& errors, std::optional<MinutesItem> current, int status) {
  ItemEditPage page{
      .event = e,
      .title = id ? ctx.tr(N_("Edit an item of the minutes")) : ctx.tr(N_("Add a question, a decision or a next step")),
      .item_id = id,
      .version = version,
      .current = std::move(current),
      .choices = item_choices(ctx, e, typed),
      .errors = errors};
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::ItemEdit{.page = page, .typed = typed, .csrf = ctx.csrf_token()}));
}

}  // namespace

Response new_item_form(Context& ctx) {
  Event e = event_to_write(ctx);
  return render_item_edit(ctx, e, 0, 0, {}, {}, std::nullopt, 200);
}

Response add_item(Context& ctx) {
  if (item_picker_searched(ctx))
    return render_item_edit(ctx, event_to_write(ctx), 0, 0, ctx.form, {}, std::nullopt, 200);
  if (auto errors = more_than_one(ctx); !errors.empty())
    return render_item_edit(ctx, event_to_write(ctx), 0, 0, ctx.form, errors, std::nullopt, 422);
  auto in = item_input(ctx);
  if (!in) {
    FieldErrors errors;
    errors.add("kind", N_("Choose what to add from the list."));
    Event e = event_to_write(ctx);  // Forbidden before any message for people who may not write
    return render_item_edit(ctx, e, 0, 0, ctx.form, errors, std::nullopt, 422);
  }
  auto errors = add_minutes_item(ctx.db, *ctx.user, ctx.param("slug"), *in, ctx.now);
  if (!errors.empty()) return render_item_edit(ctx, event_of(ctx), 0, 0, ctx.form, errors, std::nullopt, 422);
  return fv::redirect_saved(urls::minutes_open(ctx.param("slug"), fold_of(in->kind)), fv::Saved::minutes);
}

Response edit_item(Context& ctx) {
  Event e = event_to_write(ctx);
  auto i = store::item(ctx.db, e.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  return render_item_edit(ctx, e, i->id, i->version, item_form(*i), {}, std::nullopt, 200);
}

Response update_item(Context& ctx) {
  Event e = event_to_write(ctx);
  const std::int64_t id = ctx.param_int("id");
  auto version = numbers::whole(ctx.form.get("version"), 1, numbers::kMaxId);
  if (!version) return fv::bad_request(ctx, N_("The form could not be read. Please try again."));
  if (item_picker_searched(ctx)) return render_item_edit(ctx, e, id, *version, ctx.form, {}, std::nullopt, 200);
  if (auto errors = more_than_one(ctx); !errors.empty())
    return render_item_edit(ctx, e, id, *version, ctx.form, errors, std::nullopt, 422);
  auto in = item_input(ctx);
  if (!in) {
    FieldErrors errors;
    errors.add("kind", N_("Choose what to add from the list."));
    return render_item_edit(ctx, e, id, *version, ctx.form, errors, std::nullopt, 422);
  }
  auto r = edit_minutes_item(ctx.db, *ctx.user, e.slug, id, *in, *version, ctx.now);
  // Refused because another organiser saved it meanwhile: their item shown, this form kept, and the
  // next save starts from their version.
  if (r.conflict) return render_item_edit(ctx, e, id, r.current->version, ctx.form, {}, r.current, 409);
  if (!r.errors.empty()) return render_item_edit(ctx, e, id, *version, ctx.form, r.errors, std::nullopt, 422);
  return fv::redirect_saved(urls::minutes_open(e.slug, fold_of(in->kind)), fv::Saved::minutes);
}

Response remove_item(Context& ctx) {
  remove_minutes_item(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.now);
  return fv::redirect_saved(urls::minutes(ctx.param("slug")), fv::Saved::item_removed);
}

}  // namespace fabrique::events::pages

namespace fabrique::events::pages {

Response attach_form(Context& ctx) { return render_attach(ctx, event_to_write(ctx), {}, 200); }

Response attach(Context& ctx) {
  auto errors = attach_file(ctx.db, *ctx.user, ctx.param("slug"), ctx.upload("file"), ctx.now);
  if (!errors.empty()) return render_attach(ctx, event_of(ctx), errors, 422);
  return fv::redirect_saved(urls::minutes_open(ctx.param("slug"), "pieces"), fv::Saved::minutes);
}

Response detach(Context& ctx) {
  remove_attachment(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"));
  return fv::redirect_saved(urls::minutes(ctx.param("slug")), fv::Saved::attachment_removed);
}

Response attachment(Context& ctx) {
  Event e = event_of(ctx);
  const auto id = ctx.param_int("id");
  if (!store::is_attachment(ctx.db, e.id, id)) throw NotFound();
  auto f = files::find(ctx.db, id);
  if (!f) throw NotFound();
  return files::download(*f, files::content(ctx.db, id));
}

}  // namespace fabrique::events::pages
