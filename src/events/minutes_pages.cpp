// The minutes of an event ("Retour sur …"): the text with who came, questions, decisions and next
// steps; the editor with its conflict page; the history, the comparison of two revisions, restore.
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "events/json.hpp"
#include "events/pages.hpp"
#include "events/store.hpp"
#include "events/templates/item_form.hpp"
#include "events/use_cases.hpp"
#include "events/validation.hpp"
#include "events/views.hpp"
#include "files/download.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "text/diff.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/revisions.hpp"

namespace fabrique::events::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

std::string size_text(std::int64_t bytes);

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
    if (r.attended && r.show_name) out.push_back(r.organisation.empty() ? r.name : r.name + " (" + r.organisation + ")");
  return out;
}

Html item_form(Context& ctx, const Event& e, const FieldErrors& errors) {
  std::vector<fv::Option> kinds{{"question", ctx.tr(N_("Question"))}, {"decision", ctx.tr(N_("Decision"))},
                                {"suite", ctx.tr(N_("Next step"))}};
  std::vector<fv::Option> coalitions;
  for (const auto& k : coalitions::store::list(ctx.db)) coalitions.push_back({k.slug, k.number + " — " + k.title});
  // Organisers see who registered: a next step may name one of them.
  std::vector<fv::Option> people;
  for (const auto& r : store::registrations(ctx.db, e.id))
    if (r.status == Status::registered)
      people.push_back({std::to_string(r.user_id), r.organisation.empty() ? r.name : r.name + " (" + r.organisation + ")"});
  return html::render(*ctx.t, templates::ItemForm{.slug = e.slug,
                                                  .typed = ctx.form,
                                                  .posted = !errors.empty(),
                                                  .kinds = kinds,
                                                  .people = people,
                                                  .coalitions = coalitions,
                                                  .errors = errors,
                                                  .csrf = ctx.csrf_token()});
}

Response render_minutes(Context& ctx, const Event& e, const FieldErrors& errors, int status) {
  const bool organiser = can_organise(ctx.db, ctx.actor(), e);
  Html orgs;
  for (const auto& o : store::present_organisations(ctx.db, e.id))
    orgs += render(R"(<li><a href="/organisations/{}">{}</a></li>)", o.slug, o.name);
  Html people;
  for (const auto& p : named_attendees(ctx, e)) people += render("<li>{}</li>", p);
  Html questions, decisions, steps;
  // Actions made from this event's next steps (one query), and who may make one, per coalition.
  const auto made = roadmaps::store::actions_from_event(ctx.db, e.id);
  std::map<std::int64_t, bool> can_create;
  for (const auto& i : store::items(ctx.db, e.id)) {
    Html remove;
    if (organiser)
      remove = render(R"( <form method="post" action="/evenements/{}/compte-rendu/elements/{}/supprimer" class="inline">{}<button type="submit" class="link">{}</button></form>)",
                      e.slug, i.id, fv::csrf_field(ctx), ctx.tr(N_("Remove")));
    if (i.kind == ItemKind::question)
      questions += render(R"(<li><p><strong>{}</strong>{}{}</p><p>{}</p>{}{}</li>)", i.body,
                          i.asked_by.empty() ? Html() : render(" — {} {}", ctx.tr(N_("asked by")), i.asked_by),
                          i.asked_to.empty() ? Html() : render(", {} {}", ctx.tr(N_("to")), i.asked_to),
                          i.answer.empty() ? ctx.tr(N_("No answer recorded.")) : i.answer, Html(), remove);
    else if (i.kind == ItemKind::decision)
      decisions += render("<li>{}{}</li>", i.body, remove);
    else
      steps += render("<li>{}{}{}{}{}{}</li>", i.body, i.asked_by.empty() ? Html() : render(" — {}", i.asked_by),
                      i.due_at ? render(" — {}", fmt::format(fmt::runtime(ctx.tr(N_("by {}"))), ctx.t->date(*i.due_at))) : Html(),
                      i.coalition ? render(R"( — <a href="/coalitions/{}">{}</a>)", i.coalition->slug, i.coalition->name) : Html(),
                      roadmaps::pages::next_step_action(ctx, e.slug, i.id,
                                                        i.coalition ? std::optional(i.coalition->id) : std::nullopt,
                                                        made, can_create),
                      remove);
  }
  auto list_or = [&](const Html& items, const char* tag) {
    return items.empty() ? render("<p>{}</p>", ctx.tr(N_("None recorded."))) : render("<{}>{}</{}>", tag, items, tag);
  };
  Html attached;
  for (const auto& f : store::attachments(ctx.db, e.id)) {
    Html remove;
    if (organiser)
      remove = render(R"( <form method="post" action="/evenements/{}/compte-rendu/pieces/{}/supprimer" class="inline">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form>)",
                      e.slug, f.id, fv::csrf_field(ctx), ctx.tr(N_("Remove")), f.name);
    attached += render(R"(<li><a href="/evenements/{}/compte-rendu/pieces/{}">{}</a> <span class="meta">({}, {})</span>{}</li>)",
                    e.slug, f.id, f.name, std::string(files::label(f.media_type)), size_text(f.size), remove);
  }
  Html upload;
  if (organiser)
    upload = render(R"(<form method="post" action="/evenements/{}/compte-rendu/pieces" enctype="multipart/form-data" novalidate>{}<div class="field"><label for="f-file">{}</label><p class="hint" id="f-file-hint">{}</p>{}<input type="file" id="f-file" name="file" aria-describedby="f-file-hint{}"{}></div><button type="submit">{}</button></form>)",
                    e.slug, fv::csrf_field(ctx), ctx.tr(N_("Attach a file")),
                    fmt::format(fmt::runtime(ctx.tr(N_("20 MB at most: {}"))), files::accepted_extensions()),
                    errors.find("file") ? render(R"(<p class="error" id="f-file-error"><span class="visually-hidden">{} </span>{}</p>)", ctx.tr(N_("Error:")), ctx.tr(errors.find("file"))) : Html(),
                    errors.find("file") ? " f-file-error" : "", errors.find("file") ? html::trusted(R"( aria-invalid="true")") : Html(),
                    ctx.tr(N_("Attach")));
  Html tools;
  if (organiser)
    tools = render(R"(<p><a href="/evenements/{}/compte-rendu/modifier">{}</a></p>)", e.slug, ctx.tr(N_("Edit the minutes")));
  const std::string title = minutes_title(ctx, e);
  Html body = render(
      R"(<p class="meta"><a href="/evenements">{}</a> › <a href="/evenements/{}">{}</a></p>
<h1>{}</h1><p class="meta">{} — {} <a href="/evenements/{}/compte-rendu/historique">{}</a></p>{}
<h2>{}</h2>{}{}
<div class="prose">{}</div>
<h2>{}</h2>{}
<h2>{}</h2>{}
<h2>{}</h2>{}
<h2 id="pieces">{}</h2>{}{}
{}
<p><a href="/evenements/{}/compte-rendu.json">{}</a></p>)",
      ctx.tr(N_("Events")), e.slug, e.title, title, views::when(ctx, e),
      fmt::format(fmt::runtime(ctx.tr(N_("Revision {}."))), e.minutes_revision), e.slug, ctx.tr(N_("History")), tools,
      ctx.tr(N_("Present")),
      orgs.empty() ? render("<p>{}</p>", ctx.tr(N_("Attendance has not been recorded."))) : render(R"(<ul>{}</ul>)", orgs),
      people.empty() ? Html() : render(R"(<ul>{}</ul>)", people),
      e.minutes.empty() ? render(R"(<p class="meta">{}</p>)", ctx.tr(N_("The minutes have not been written yet.")))
                        : text::render_markdown(e.minutes, 2),
      ctx.tr(N_("Questions")), list_or(questions, "ul"), ctx.tr(N_("Decisions")), list_or(decisions, "ul"),
      ctx.tr(N_("Next steps")), list_or(steps, "ul"), ctx.tr(N_("Attachments")),
      attached.empty() ? render("<p>{}</p>", ctx.tr(N_("No attachment."))) : render("<ul>{}</ul>", attached), upload,
      organiser ? item_form(ctx, e, errors) : Html(), e.slug,
      ctx.tr(N_("These minutes as JSON")));
  return fv::page(ctx, status, title, body);
}

// "1,2 Mo" / "1.2 MB", "34 Ko" / "34 KB".
std::string size_text(std::int64_t bytes) {
  if (bytes >= 1000 * 1000) return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
  return fmt::format("{} KB", std::max<std::int64_t>(1, bytes / 1000));
}

Response render_editor(Context& ctx, const Event& e, std::int64_t base, const std::string& text, const std::string& comment,
                       const FieldErrors& errors, const MinutesResult* conflict, int status) {
  Html box;
  if (conflict)
    box = render(R"(<div class="notice" role="alert"><h2>{}</h2><p>{}</p>{}</div>)",
                 ctx.tr(N_("Someone saved the minutes while you were editing")),
                 ctx.tr(N_("Nothing was saved. Here is what changed meanwhile; your text is kept below. Merge it and save again.")),
                 text::render_diff(text::diff_words(conflict->base, conflict->current), fv::diff_labels(ctx)));
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Edit the minutes of {}"))), e.title);
  Html body = render(R"(<p class="meta"><a href="/evenements/{}/compte-rendu">{}</a></p><h1>{}</h1>{}{}<form method="post" action="/evenements/{}/compte-rendu/modifier" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}{}<button type="submit">{}</button></form>)",
                     e.slug, minutes_title(ctx, e), title, box, fv::error_summary(ctx, errors), e.slug, fv::csrf_field(ctx), base,
                     fv::textarea(ctx, {"minutes", ctx.tr(N_("Minutes")), text, "", "", ctx.tr(N_("Markdown: ## headings, **bold**, lists with -, links <https://…>")), false, 0}, errors, 16),
                     fv::input(ctx, {"comment", ctx.tr(N_("What did you change?")), comment, "text", "", "", false, 300}, errors),
                     ctx.tr(N_("Save")));
  return fv::page(ctx, status, title, body);
}

Event event_to_write(Context& ctx) {
  return event_to_organise(ctx.db, *ctx.user, ctx.param("slug"), N_("Only the organisers of this event can write its minutes."));
}

}  // namespace

Response minutes(Context& ctx) { return render_minutes(ctx, event_of(ctx), {}, 200); }

Response minutes_json(Context& ctx) {
  auto e = store::by_slug(ctx.db, ctx.param("slug"));
  if (!e) {
    Response r = coalitions::json::response(ctx, {{"error", "not found"}});
    r.status = 404;
    return r;
  }
  boost::json::object o;
  o["event"] = json::event(ctx, *e, false);
  o["revision"] = e->minutes_revision;
  o["text"] = e->minutes;
  boost::json::array orgs, people, items;
  for (const auto& org : store::present_organisations(ctx.db, e->id)) orgs.push_back({{"slug", org.slug}, {"name", org.name}});
  for (const auto& p : named_attendees(ctx, *e)) people.push_back(boost::json::value(p));
  for (const auto& i : store::items(ctx.db, e->id)) items.push_back(json::item(i));
  o["organisations_present"] = std::move(orgs);
  o["people_present"] = std::move(people);
  o["items"] = std::move(items);
  return coalitions::json::response(ctx, o);
}

Response minutes_edit(Context& ctx) {
  Event e = event_to_write(ctx);
  return render_editor(ctx, e, e.minutes_revision, e.minutes, "", {}, nullptr, 200);
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
  auto r = save_minutes(ctx.db, *ctx.user, ctx.param("slug"), edit, ctx.now);
  if (!r.errors.empty()) return render_editor(ctx, event_of(ctx), edit.base_revision, edit.body, edit.comment, r.errors, nullptr, 422);
  if (r.conflict) return render_editor(ctx, event_of(ctx), r.current_revision, edit.body, edit.comment, {}, &r, 409);
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu");
}

Response minutes_history(Context& ctx) {
  Event e = event_of(ctx);
  const bool organiser = can_organise(ctx.db, ctx.actor(), e);
  auto revisions = store::minutes_revisions(ctx.db, e.id);
  Html rows;
  std::vector<fv::Option> options;
  for (const auto& r : revisions) {
    std::string note = r.comment;
    if (r.restored_from)
      note = fmt::format(fmt::runtime(ctx.tr(N_("Restores revision {}"))), *r.restored_from) + (note.empty() ? "" : " — " + note);
    Html restore;
    if (organiser && r.number != e.minutes_revision)
      restore = render(R"(<form method="post" action="/evenements/{}/compte-rendu/historique/{}/restaurer">{}<button type="submit" class="link">{}<span class="visually-hidden"> {}</span></button></form>)",
                       e.slug, r.number, fv::csrf_field(ctx), ctx.tr(N_("Restore")), r.number);
    rows += render(R"(<tr><th scope="row">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>)", r.number,
                   ctx.t->datetime(r.created_at), r.author, note, restore);
    options.push_back({std::to_string(r.number), std::to_string(r.number)});
  }
  Html compare;
  if (revisions.size() >= 2)
    compare = render(R"(<form method="get" action="/evenements/{}/compte-rendu/historique/comparer" class="filters">{}{}<button type="submit">{}</button></form>)",
                     e.slug, fv::select(ctx, {"de", ctx.tr(N_("Compare revision")), std::to_string(revisions[1].number), "", "", "", true, 0}, options, {}),
                     fv::select(ctx, {"a", ctx.tr(N_("with revision")), std::to_string(revisions[0].number), "", "", "", true, 0}, options, {}),
                     ctx.tr(N_("Compare")));
  Html table = revisions.empty()
                   ? render("<p>{}</p>", ctx.tr(N_("The minutes have no revision yet.")))
                   : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col"><span class="visually-hidden">{}</span></th></tr></thead><tbody>{}</tbody></table></div>)",
                            ctx.tr(N_("Revisions, newest first")), ctx.tr(N_("Revision")), ctx.tr(N_("Date")),
                            ctx.tr(N_("Author")), ctx.tr(N_("Note")), ctx.tr(N_("Actions")), rows);
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("History of the minutes of {}"))), e.title);
  return fv::page(ctx, title, render(R"(<p class="meta"><a href="/evenements/{}/compte-rendu">{}</a></p><h1>{}</h1>{}{})",
                                     e.slug, minutes_title(ctx, e), title, compare, table));
}

Response minutes_compare(Context& ctx) {
  Event e = event_of(ctx);
  auto number = [&](const char* name) -> std::int64_t {
    return numbers::whole(ctx.query.get(name), 0, numbers::kMaxId).value_or(-1);
  };
  auto a = store::minutes_revision(ctx.db, e.id, number("de")), b = store::minutes_revision(ctx.db, e.id, number("a"));
  const std::string history = "/evenements/" + e.slug + "/compte-rendu/historique";
  if (!a || !b) return fv::no_such_revisions(ctx, history);
  const std::string title = minutes_title(ctx, e);
  return fv::compare_revisions(ctx,
                               render(R"(<a href="/evenements/{}/compte-rendu">{}</a> › <a href="{}">{}</a>)", e.slug,
                                      title, history, ctx.tr(N_("History"))),
                               a->number, b->number, {{title, a->body, b->body}});
}

Response minutes_restore(Context& ctx) {
  restore_minutes(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("number"), ctx.now);
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu/historique");
}

Response add_item(Context& ctx) {
  ItemInput in;
  const std::string kind = ctx.form.get("kind");
  if (kind != "question" && kind != "decision" && kind != "suite") {
    FieldErrors errors;
    errors.add("kind", N_("Choose what to add from the list."));
    event_to_write(ctx);  // Forbidden before any message for people who may not write
    return render_minutes(ctx, event_of(ctx), errors, 422);
  }
  in.kind = kind == "question" ? ItemKind::question : kind == "decision" ? ItemKind::decision : ItemKind::next_step;
  in.body = ctx.form.get("body");
  in.asked_by = ctx.form.get("asked_by");
  in.asked_to = ctx.form.get("asked_to");
  in.answer = ctx.form.get("answer");
  in.due = ctx.form.get("due");
  in.coalition = ctx.form.get("coalition");
  in.assignee = ctx.form.get("assignee");
  auto errors = add_minutes_item(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!errors.empty()) return render_minutes(ctx, event_of(ctx), errors, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu");
}

Response remove_item(Context& ctx) {
  remove_minutes_item(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), ctx.now);
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu");
}

}  // namespace fabrique::events::pages

namespace fabrique::events::pages {

Response attach(Context& ctx) {
  auto errors = attach_file(ctx.db, *ctx.user, ctx.param("slug"), ctx.upload("file"), ctx.now);
  if (!errors.empty()) return render_minutes(ctx, event_of(ctx), errors, 422);
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu#pieces");
}

Response detach(Context& ctx) {
  remove_attachment(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"));
  return Response::redirect("/evenements/" + ctx.param("slug") + "/compte-rendu#pieces");
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
