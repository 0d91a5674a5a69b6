// A coalition's roadmap: its actions (HTML and JSON), the form to add one, and each action's page
// with its revisions and the edit form (with the conflict message when someone saved meanwhile).
#include <boost/json.hpp>

#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/text.hpp"
#include "decisions/pages.hpp"
#include "events/picker.hpp"
#include "i18n/i18n.hpp"
#include "organisations/picker.hpp"
#include "roadmaps/history.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/loaders.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/templates/roadmap.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
#include "text/markdown.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"
#include "views/merge.hpp"
#include "views/saved.hpp"

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

// The fields of an action's revisions, in the order the history lists their changes.
constexpr history::Field kActionFields[] = {{"title", N_("Title"), true},
                                            {"status", N_("Status"), false, kStatuses},
                                            {"progress", N_("Progress")},
                                            {"lever", N_("Lever"), false, kLevers},
                                            {"scale", N_("Scale"), false, kScales},
                                            {"starts_on", N_("Start"), false, {}, true},
                                            {"due_on", N_("Due date"), false, {}, true},
                                            {"victory", N_("Victory")},
                                            {"qualities", N_("Qualities it serves"), false, kQualities},
                                            {"organisations", N_("Carried by")},
                                            {"abandon_reason", N_("Reason for abandoning"), true},
                                            {"description", N_("Description"), true},
                                            {"resources", N_("Linked resources"), true},
                                            {"parent", N_("Sub-action of")},
                                            {"events", N_("Linked events")}};

// Asking for the CSRF token only when a form is shown keeps the visitor's page cacheable.
std::string csrf_if(Context& ctx, bool form) { return form ? ctx.csrf_token() : std::string(); }

Response render_roadmap(Context& ctx, const coalitions::Coalition& k, const ActionInput& v, const FieldErrors& errors,
                        int status) {
  RoadmapPage page = load_roadmap(ctx, k, v, errors);
  const std::string csrf = csrf_if(ctx, page.editor);
  return fv::page(ctx, status, page.title, html::render(*ctx.t, templates::Roadmap{.page = page, .csrf = csrf}));
}

// The fields of an action both sides changed since the revision its form started from, to settle;
// `answer` what the person already answered for them. Those chosen from lists are shown by their
// labels and settled by keeping one side.
fv::Conflicts action_conflicts(Context& ctx, const coalitions::Coalition& k, const ActionChoices& choices,
                               const Action& a, const ActionResult& r, const text::MergeAnswer& answer) {
  static constexpr std::pair<const char*, const char*> kLabels[] = {
      {"title", N_("Title")},
      {"description", N_("Description")},
      {"lever", N_("Lever")},
      {"scale", N_("Scale")},
      {"status", N_("Status")},
      {"abandon_reason", N_("Reason for abandoning")},
      {"starts_on", N_("Start")},
      {"due_on", N_("Due date")},
      {"progress", N_("Progress (%)")},
      {"parent", N_("Sub-action of")},
      {"victory", N_("A victory: a winnable, visible goal")},
      {"qualities", N_("Qualities it serves")},
      {"organisations", N_("Carrying organisations")},
      {"events", N_("Linked events")},
      {"resources", N_("Linked resources")}};
  auto label_of = [&](const std::string& name) -> std::string {
    for (const auto& [field, label] : kLabels)
      if (name == field) return ctx.tr(label);
    return name;
  };
  // The labels of a list's values ("a, b" as the merge writes them).
  auto labels = [](const std::vector<fv::Option>& options, const std::string& values) {
    std::string out;
    for (std::size_t from = 0; from < values.size();) {
      auto comma = std::min(values.find(", ", from), values.size());
      std::string value = values.substr(from, comma - from), label = value;
      for (const auto& o : options)
        if (o.value == value) label = o.label;
      out += (out.empty() ? "" : ", ") + label;
      from = comma + 2;
    }
    return out;
  };
  auto options_of = [](const std::vector<fv::Choice>& all) {
    std::vector<fv::Option> out;
    for (const auto& c : all) out.push_back({c.key, c.label});
    return out;
  };
  auto shown = [&](const std::string& name, const std::string& value) -> std::optional<std::string> {
    if (name == "lever") return choice_label(*ctx.t, kLevers, value);
    if (name == "scale") return choice_label(*ctx.t, kScales, value);
    if (name == "status") return choice_label(*ctx.t, kStatuses, value);
    if (name == "victory") {
      const bool victory = value == "1";
      return ctx.tr(victory ? N_("yes") : N_("no"));
    }
    if (name == "qualities") return labels(choice_options(*ctx.t, kQualities), value);
    if (name == "parent") return labels(choices.parents, value);
    if (name == "organisations") return labels(options_of(*organisations::choices(ctx.db)), value);
    if (name == "events") {
      std::vector<fv::Option> events;
      for (const auto& e : store::coalition_events(ctx.db, k.id))
        events.push_back({e.slug, e.title + " (" + ctx.t->date(e.starts_at) + ")"});
      return labels(events, value);
    }
    return std::nullopt;
  };
  return fv::conflicts_of(ctx, r.merge, a.revision, answer, label_of, shown);
}

Response render_action(Context& ctx, const coalitions::Coalition& k, const Action& a, const ActionInput& v,
                       const FieldErrors& errors, bool conflict, int status, const ActionResult* merge = nullptr,
                       const text::MergeAnswer& answer = {}) {
  ActionPage page = load_action(ctx, k, a, v, errors, conflict);
  if (merge && page.editor) page.conflicts = action_conflicts(ctx, k, page.choices, a, *merge, answer);
  const std::string csrf = csrf_if(ctx, page.editor);
  Html main = html::render(*ctx.t, templates::ActionShow{.page = page, .csrf = csrf});
  main += decisions::pages::about(ctx, {.action_id = a.id}, "action:" + std::to_string(a.id), k.id);
  return fv::page(ctx, status, a.title, main);
}

}  // namespace

RoadmapPage load_roadmap(Context& ctx, const coalitions::Coalition& k, const ActionInput& form,
                         const FieldErrors& errors) {
  RoadmapPage page;
  page.coalition = k;
  page.coalition_title = coalitions::full_title(k);
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Roadmap of coalition {}"))), k.number);
  page.actions = store::actions(ctx.db, of_coalition(k.id));
  page.editor = can_edit(ctx.db, ctx.actor(), k.id);
  if (page.editor) {
    page.form = form;
    page.errors = errors;
    page.choices = action_choices(ctx, k, form, page.actions);
  }
  return page;
}

ActionPage load_action(Context& ctx, const coalitions::Coalition& k, const Action& a, const ActionInput& form,
                       const FieldErrors& errors, bool conflict) {
  ActionPage page;
  page.coalition = k;
  page.coalition_title = coalitions::full_title(k);
  page.action = a;
  page.description = text::render_markdown(a.description, 2);
  for (std::size_t from = 0; from < a.resources.size();) {
    auto end = a.resources.find('\n', from);
    std::string line = text::trim(a.resources.substr(from, end == std::string::npos ? std::string::npos : end - from));
    from = end == std::string::npos ? a.resources.size() : end + 1;
    if (line.empty()) continue;
    bool link = line.starts_with("https://") || line.starts_with("http://");
    page.resources.push_back({line, link});
  }
  page.revisions = history::items(ctx, store::revisions(ctx.db, a.id), kActionFields);
  page.editor = can_edit(ctx.db, ctx.actor(), k.id);
  if (page.editor) {
    page.conflict = conflict;
    page.form = form;
    page.errors = errors;
    page.choices = action_choices(ctx, k, form, store::actions(ctx.db, of_coalition(k.id)), a.id);
  }
  return page;
}

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
  return coalitions::json::response(ctx, std::move(out));
}

Response create_action(Context& ctx) {
  ActionInput in = views::input_from_form(ctx);
  if (action_picker_searched(ctx)) return render_roadmap(ctx, coalition_of(ctx), in, {}, 200);
  auto result = roadmaps::create_action(ctx.db, *ctx.user, ctx.param("slug"), in, ctx.now);
  if (!result.errors.empty()) return render_roadmap(ctx, coalition_of(ctx), in, result.errors, 422);
  return fv::redirect_saved(urls::action(ctx.param("slug"), result.id), fv::Saved::action);
}

Response show_action(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return fv::not_found(ctx);
  return render_action(ctx, *k, *a, views::input_of(*a), {}, false, 200);
}

Response action_json(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found_json(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return views::not_found_json(ctx);
  ActionPage page = load_action(ctx, *k, *a, {}, {}, false);
  return coalitions::json::response(ctx, json::action(ctx, page.action));
}

Response update_action(Context& ctx) {
  ActionInput in = views::input_from_form(ctx);
  in.merge = fv::read_merge(ctx.form);
  if (action_picker_searched(ctx)) {
    auto k = coalition_of(ctx);
    auto a = store::action(ctx.db, k.id, ctx.param_int("id"));
    if (!a) throw NotFound();
    return render_action(ctx, k, *a, in, {}, false, 200);
  }
  auto result = roadmaps::update_action(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), in, ctx.now);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's says so.
    if (result.merged_with)
      return Response::redirect(fv::merged(urls::action(ctx.param("slug"), result.id), result.merged_with));
    return fv::redirect_saved(urls::action(ctx.param("slug"), result.id), fv::Saved::action);
  }
  auto k = coalition_of(ctx);
  auto a = store::action(ctx.db, k.id, ctx.param_int("id"));
  if (!a) throw NotFound();
  if (result.merge.to_settle())
    return render_action(ctx, k, *a, *result.merged, result.errors, true, result.errors.empty() ? 409 : 422, &result,
                         in.merge);
  // After a conflict the next save starts from the current revision: the person has now seen it.
  if (result.conflict) in.base_revision = a->revision;
  return render_action(ctx, k, *a, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

namespace {

// The action's history: every revision with its changes, a comparison of any two word by word, and
// for co-porteurs and animateurs the button that restores an older one. `refused` holds why a
// restore could not be made (422), else nothing.
Response render_history(Context& ctx, const coalitions::Coalition& k, const Action& a, const FieldErrors& refused) {
  ActionHistoryPage page = load_action_history(ctx, k, a, refused);
  return fv::page(ctx, refused.empty() ? 200 : 422, page.title, html::render(*ctx.t, templates::ActionHistory{page}));
}

}  // namespace

ActionHistoryPage load_action_history(Context& ctx, const coalitions::Coalition& k, const Action& a,
                                      const FieldErrors& refused) {
  const auto revisions = store::revisions(ctx.db, a.id);
  const bool editor = can_edit(ctx.db, ctx.actor(), k.id);
  const std::string base = urls::action(k.slug, a.id);
  auto restore = [&](const Revision& r) { return history::restore_button(ctx, editor, base, r, a.revision); };
  ActionHistoryPage page;
  page.coalition = k;
  page.coalition_title = coalitions::full_title(k);
  page.action = a;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("History of the action \"{}\""))), a.title);
  page.refused = history::refused_box(ctx, refused);
  page.compare = history::compare(ctx, revisions, urls::action_history(k.slug, a.id), kActionFields, 2);
  page.revisions = history::items(ctx, revisions, kActionFields, restore);
  return page;
}

Response action_history(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return fv::not_found(ctx);
  return render_history(ctx, *k, *a, {});
}

Response action_history_json(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found_json(ctx);
  auto a = store::action(ctx.db, k->id, ctx.param_int("id"));
  if (!a) return views::not_found_json(ctx);
  return coalitions::json::response(ctx, {{"action", ctx.base_url + urls::action(k->slug, a->id)},
                                          {"title", a->title},
                                          {"coalition", coalitions::json::summary(ctx, *k)},
                                          {"revisions", json::revisions(store::revisions(ctx.db, a->id))}});
}

Response restore_action(Context& ctx) {
  auto result = roadmaps::restore_action_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                                  ctx.param_int("number"), ctx.now);
  if (result.errors.empty())
    return fv::redirect_saved(urls::action_history(ctx.param("slug"), ctx.param_int("id")), fv::Saved::restored);
  auto k = coalition_of(ctx);
  auto a = store::action(ctx.db, k.id, ctx.param_int("id"));
  if (!a) throw NotFound();
  return render_history(ctx, k, *a, result.errors);
}

namespace {

// The action form pre-filled from next step `step` of event `event`'s minutes (`draft`), showing `v`.
Response render_from_next_step(Context& ctx, const std::string& event, std::int64_t step, const NextStepDraft& draft,
                               const ActionInput& v, const FieldErrors& errors, int status) {
  auto k = coalitions::store::by_slug(ctx.db, draft.coalition_slug);
  if (!k) throw NotFound();
  if (!can_edit(ctx.db, ctx.actor(), k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its roadmap."));
  FromNextStepPage page;
  page.coalition = *k;
  page.coalition_title = coalitions::full_title(*k);
  page.title = ctx.tr(N_("Turn a next step into an action"));
  page.event_slug = event;
  page.event_title = draft.event_title;
  page.next_step_id = step;
  page.step = draft.step;
  page.form = v;
  page.errors = errors;
  page.choices = action_choices(ctx, *k, v, store::actions(ctx.db, of_coalition(k->id)));
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::FromNextStep{.page = page, .csrf = ctx.csrf_token()}));
}

}  // namespace

Response next_step_action_form(Context& ctx) {
  const std::string event = ctx.param("slug");
  const std::int64_t step = ctx.param_int("id");
  NextStepDraft draft = roadmaps::next_step_draft(ctx.db, event, step);
  // Already an action: that action, which the minutes link to as well.
  if (auto made = store::action_of_next_step(ctx.db, step))
    return Response::redirect(urls::action(draft.coalition_slug, *made));
  // The action is linked to the event it was decided at, when that event is one of the coalition's.
  if (auto k = coalitions::store::by_slug(ctx.db, draft.coalition_slug))
    for (const auto& e : store::coalition_events(ctx.db, k->id))
      if (e.slug == event) draft.action.events = {event};
  return render_from_next_step(ctx, event, step, draft, draft.action, {}, 200);
}

Response action_from_next_step(Context& ctx) {
  const std::string event = ctx.param("slug");
  const std::int64_t step = ctx.param_int("id");
  ActionInput in = views::input_from_form(ctx);
  if (action_picker_searched(ctx))
    return render_from_next_step(ctx, event, step, roadmaps::next_step_draft(ctx.db, event, step), in, {}, 200);
  auto result = roadmaps::action_from_next_step(ctx.db, *ctx.user, event, step, in, ctx.now);
  if (result.errors.empty())
    return fv::redirect_saved(urls::action(store::coalition_slug_of_action(ctx.db, result.id).value_or(""), result.id),
                              fv::Saved::action);
  // Turned into an action meanwhile (a second click, another person): the minutes link to it.
  if (result.errors.find("origin")) return Response::redirect(urls::minutes(event));
  return render_from_next_step(ctx, event, step, roadmaps::next_step_draft(ctx.db, event, step), in, result.errors,
                               422);
}

html::Html next_step_action(Context& ctx, const std::string& event_slug, std::int64_t next_step_id,
                            std::optional<std::int64_t> coalition_id, const std::vector<ActionFromStep>& made,
                            std::map<std::int64_t, bool>& can_create) {
  for (const auto& m : made)
    if (m.next_step_id == next_step_id)
      return render(R"( — {} <a href="{}">{}</a>)", ctx.tr(N_("became action")), urls::action(m.coalition_slug, m.id),
                    m.title);
  if (!coalition_id || !ctx.user) return Html();
  auto known = can_create.find(*coalition_id);
  if (known == can_create.end())
    known = can_create.emplace(*coalition_id, can_edit(ctx.db, ctx.actor(), *coalition_id)).first;
  if (!known->second) return Html();
  // A link to the pre-filled form: nothing is made before lever and scale are chosen.
  return render(R"( <a href="{}">{}</a>)", urls::action_from_next_step(event_slug, next_step_id),
                ctx.tr(N_("Turn into an action")));
}

}  // namespace fabrique::roadmaps::pages
