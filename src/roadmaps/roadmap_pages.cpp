// A coalition's roadmap: its actions (HTML and JSON), the form to add one, and each action's page
// with its revisions and the edit form (with the conflict message when someone saved meanwhile).
#include <boost/json.hpp>

#include "accounts/pages.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "coalitions/views.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/history.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

store::ActionFilter of_coalition(std::int64_t id) {
  store::ActionFilter f;
  f.coalition_id = id;
  return f;
}

Response render_roadmap(Context& ctx, const coalitions::Coalition& k, const ActionInput& v, const FieldErrors& errors,
                        int status) {
  auto actions = store::actions(ctx.db, of_coalition(k.id));
  Html form;
  if (can_edit(ctx.db, ctx.actor(), k.id))
    form = render(R"(<h2 id="ajouter">{}</h2>{}{})", ctx.tr(N_("Add an action")), fv::error_summary(ctx, errors),
                  views::action_form(ctx, k, "/coalitions/" + k.slug + "/feuille-de-route", v, actions, errors,
                                     ctx.tr(N_("Add the action"))));
  std::string title = fmt::format(fmt::runtime(ctx.tr(N_("Roadmap of coalition {}"))), k.number);
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a></p><h1>{}</h1><p>{}</p>{}{}<p><a href="/coalitions/{}/feuille-de-route.json">{}</a> · <a href="/feuille-de-route?coalition={}">{}</a></p>)",
      k.slug, coalitions::views::full_title(k), title,
      ctx.tr(N_("The actions transformatrices of the coalition, on the three levers, with their status and progress.")),
      views::actions_table(ctx, actions, false), form, k.slug, ctx.tr(N_("This roadmap as JSON")), k.slug,
      ctx.tr(N_("In the programme roadmap (with CSV export)")));
  return fv::page(ctx, status, title, body);
}

// The fields of an action's revisions, in the order the history lists their changes.
constexpr history::Field kActionFields[] = {
    {"title", N_("Title"), true},   {"status", N_("Status")},       {"progress", N_("Progress")},
    {"lever", N_("Lever")},         {"scale", N_("Scale")},         {"starts_on", N_("Start")},
    {"due_on", N_("Due date")},     {"victory", N_("Victory")},     {"qualities", N_("Qualities it serves")},
    {"organisations", N_("Carried by")}, {"abandon_reason", N_("Reason for abandoning"), true},
    {"description", N_("Description"), true},  {"resources", N_("Linked resources"), true},
    {"parent", N_("Sub-action of")}, {"events", N_("Linked events")}};

Response render_action(Context& ctx, const coalitions::Coalition& k, const Action& a, const ActionInput& v,
                       const FieldErrors& errors, bool conflict, int status) {
  Html revisions_html = history::items(ctx, store::revisions(ctx.db, a.id), kActionFields);
  Html edit;
  if (can_edit(ctx.db, ctx.actor(), k.id)) {
    Html conflict_box =
        conflict ? history::conflict_box(ctx, N_("Someone saved this action while you were editing it")) : Html();
    auto actions = store::actions(ctx.db, of_coalition(k.id));
    std::erase_if(actions, [&](const Action& x) { return x.id == a.id; });
    edit = render(R"(<h2 id="modifier">{}</h2>{}{}{})", ctx.tr(N_("Edit the action")), conflict_box,
                  fv::error_summary(ctx, errors),
                  views::action_form(ctx, k, "/coalitions/" + k.slug + "/feuille-de-route/" + std::to_string(a.id), v,
                                     actions, errors, ctx.tr(N_("Save the action"))));
  }
  Html resources;
  for (std::size_t from = 0; from < a.resources.size();) {
    auto end = a.resources.find('\n', from);
    std::string line = text::trim(a.resources.substr(from, end == std::string::npos ? std::string::npos : end - from));
    from = end == std::string::npos ? a.resources.size() : end + 1;
    if (line.empty()) continue;
    bool link = line.starts_with("https://") || line.starts_with("http://");
    resources += link ? render(R"(<li><a href="{}">{}</a></li>)", line, line) : render("<li>{}</li>", line);
  }
  Html linked;
  for (const auto& e : a.events)
    linked += render(R"(<li><a href="/evenements/{}">{}</a> — {}</li>)", e.slug, e.title, ctx.t->date(e.starts_at));
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a> › <a href="/coalitions/{}/feuille-de-route">{}</a></p>
<h1>{}</h1>{}
<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}{}</dd><dt>{}</dt><dd>{} %{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>
<div class="prose">{}</div>{}{}
<h2>{}</h2><ol class="history">{}</ol><p><a href="/coalitions/{}/feuille-de-route/{}/historique">{}</a></p>{})",
      k.slug, coalitions::views::full_title(k), k.slug, ctx.tr(N_("Roadmap")), a.title,
      a.origin_next_step_id && !a.origin_event_slug.empty()
          ? render(R"(<p class="meta">{} <a href="/evenements/{}/compte-rendu">{}</a></p>)",
                   ctx.tr(N_("From the minutes of")), a.origin_event_slug, a.origin_event_title)
          : Html(),
      ctx.tr(N_("Lever")),
      views::label(ctx, kLevers, a.lever), ctx.tr(N_("Scale")), views::label(ctx, kScales, a.scale),
      ctx.tr(N_("Status")), views::label(ctx, kStatuses, a.status),
      a.status == "abandonnee" ? render(" — {}", a.abandon_reason) : Html(), ctx.tr(N_("Progress")), a.progress,
      a.sub_actions > 0
          ? render(" {}", fmt::format(fmt::runtime(ctx.trn("(mean of {} sub-action)", "(mean of {} sub-actions)",
                                                             a.sub_actions)),
                                      a.sub_actions))
          : Html(),
      ctx.tr(N_("Start")), a.starts_on ? views::day(ctx, a.starts_on) : ctx.tr(N_("not set")), ctx.tr(N_("Due date")),
      a.due_on ? views::day(ctx, a.due_on) : ctx.tr(N_("not set")), ctx.tr(N_("Victory")),
      a.victory ? ctx.tr(N_("yes")) : ctx.tr(N_("no")), ctx.tr(N_("Qualities it serves")),
      a.qualities.empty() ? ctx.tr(N_("not said")) : views::qualities_text(ctx, a.qualities), ctx.tr(N_("Carried by")),
      a.organisations.empty() ? ctx.tr(N_("not said")) : views::organisations_text(a.organisations),
      text::render_markdown(a.description, 2),
      resources.empty() ? Html() : render("<h2>{}</h2><ul>{}</ul>", ctx.tr(N_("Linked resources")), resources),
      linked.empty() ? Html() : render("<h2>{}</h2><ul>{}</ul>", ctx.tr(N_("Linked events")), linked),
      ctx.tr(N_("History")), revisions_html, k.slug, a.id, ctx.tr(N_("Compare revisions or restore one")), edit);
  return fv::page(ctx, status, a.title, body);
}

}  // namespace

Response coalition_roadmap(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  return render_roadmap(ctx, *k, {}, {}, 200);
}

Response coalition_roadmap_json(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found_json(ctx);
  boost::json::array items;
  for (const auto& a : store::actions(ctx.db, of_coalition(k->id))) items.push_back(json::action(ctx, a));
  boost::json::object out;
  out["coalition"] = coalitions::json::summary(ctx, *k);
  out["actions"] = std::move(items);
  return coalitions::json::response(ctx, out);
}

Response create_action(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  ActionInput in = views::input_from_form(ctx);
  auto result = roadmaps::create_action(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!result.errors.empty()) return render_roadmap(ctx, views::coalition_of(ctx), in, result.errors, 422);
  return Response::redirect("/coalitions/" + ctx.param("slug") + "/feuille-de-route/" + std::to_string(result.id));
}

Response show_action(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return fv::not_found(ctx);
  return render_action(ctx, *k, *a, views::input_of(*a), {}, false, 200);
}

Response update_action(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  ActionInput in = views::input_from_form(ctx);
  auto result = roadmaps::update_action(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), in, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return Response::redirect("/coalitions/" + ctx.param("slug") + "/feuille-de-route/" + std::to_string(result.id));
  auto k = views::coalition_of(ctx);
  auto a = store::action(ctx.db, k.id, ctx.param_int("id"));
  if (!a) throw NotFound();
  // After a conflict the next save starts from the current revision: the person has now seen it.
  if (result.conflict) in.base_revision = a->revision;
  return render_action(ctx, k, *a, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

html::Html coalition_section(Context& ctx, const coalitions::Coalition& k) { return views::coalition_section(ctx, k); }

namespace {

// The action's history: every revision with its changes, a comparison of any two word by word, and
// for co-porteurs and animateurs the button that restores an older one. `refused` holds why a
// restore could not be made (422), else nothing.
Response render_history(Context& ctx, const coalitions::Coalition& k, const Action& a, const FieldErrors& refused) {
  const auto revisions = store::revisions(ctx.db, a.id);
  const bool editor = can_edit(ctx.db, ctx.actor(), k.id);
  const std::string base = "/coalitions/" + k.slug + "/feuille-de-route/" + std::to_string(a.id);
  auto restore = [&](const Revision& r) { return history::restore_button(ctx, editor, base, r, a.revision); };
  Html compare = history::compare(ctx, revisions, base + "/historique", kActionFields, 2);
  Html problem = history::refused_box(ctx, refused);
  const std::string title = fmt::format(fmt::runtime(ctx.tr(N_("History of the action \"{}\""))), a.title);
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a> › <a href="/coalitions/{}/feuille-de-route">{}</a> › <a href="{}">{}</a></p>
<h1>{}</h1>{}{}<h2>{}</h2><ol class="history">{}</ol>)",
      k.slug, coalitions::views::full_title(k), k.slug, ctx.tr(N_("Roadmap")), base, a.title, title, problem, compare,
      ctx.tr(N_("All revisions, newest first")), history::items(ctx, revisions, kActionFields, restore));
  return fv::page(ctx, refused.empty() ? 200 : 422, title, body);
}

}  // namespace

Response action_history(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return fv::not_found(ctx);
  return render_history(ctx, *k, *a, {});
}

Response restore_action(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto result = roadmaps::restore_action_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                                  ctx.param_int("number"), ctx.now);
  const std::string back = "/coalitions/" + ctx.param("slug") + "/feuille-de-route/" + std::to_string(ctx.param_int("id"));
  if (result.errors.empty()) return Response::redirect(back + "/historique");
  auto k = views::coalition_of(ctx);
  auto a = store::action(ctx.db, k.id, ctx.param_int("id"));
  if (!a) throw NotFound();
  return render_history(ctx, k, *a, result.errors);
}

Response action_from_next_step(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const std::string event = ctx.param("slug");
  auto result = roadmaps::action_from_next_step(ctx.db, *ctx.user, event, ctx.param_int("id"), ctx.now);
  // The only possible error: the step already became an action, which the minutes page links to.
  if (!result.errors.empty()) return Response::redirect("/evenements/" + event + "/compte-rendu");
  auto r = ctx.db.query_one("SELECT k.slug FROM actions a JOIN coalitions k ON k.id = a.coalition_id WHERE a.id = ?",
                            {result.id});
  return Response::redirect("/coalitions/" + (r ? r->text(0) : std::string()) + "/feuille-de-route/" +
                            std::to_string(result.id));
}

html::Html next_step_action(Context& ctx, const std::string& event_slug, std::int64_t next_step_id,
                            std::optional<std::int64_t> coalition_id, const std::vector<ActionFromStep>& made,
                            std::map<std::int64_t, bool>& can_create) {
  for (const auto& m : made)
    if (m.next_step_id == next_step_id)
      return render(R"( — {} <a href="/coalitions/{}/feuille-de-route/{}">{}</a>)", ctx.tr(N_("became action")),
                    m.coalition_slug, m.id, m.title);
  if (!coalition_id || !ctx.user) return Html();
  auto known = can_create.find(*coalition_id);
  if (known == can_create.end()) known = can_create.emplace(*coalition_id, can_edit(ctx.db, ctx.actor(), *coalition_id)).first;
  if (!known->second) return Html();
  return render(R"( <form method="post" action="/evenements/{}/compte-rendu/elements/{}/action" class="inline">{}<button type="submit" class="link">{}</button></form>)",
                event_slug, next_step_id, fv::csrf_field(ctx), ctx.tr(N_("Turn into an action")));
}

}  // namespace fabrique::roadmaps::pages
