// Shared pieces of the roadmap pages.
#include "common/numbers.hpp"
#include "roadmaps/views.hpp"

#include <date/date.h>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/csv.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "roadmaps/store.hpp"
#include "views/forms.hpp"

namespace fabrique::roadmaps::views {

using html::render;
using i18n::N_;
namespace fv = fabrique::views;

coalitions::Coalition coalition_of(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) throw NotFound();
  return *k;
}

http::Response not_found_json(const Context& ctx) {
  auto r = coalitions::json::response(ctx, {{"error", "not found"}});
  r.status = 404;
  return r;
}

http::Response csv_response(std::string body, const std::string& filename) {
  http::Response r;
  r.content_type = csv::kContentType;
  r.body = std::move(body);
  r.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
  return r;
}

std::int64_t page_of(const Context& ctx, std::int64_t pages) {
  // Absent or not a page number: the first page.
  return std::clamp<std::int64_t>(numbers::whole(ctx.query.get("page"), 1, numbers::kMaxPage).value_or(1), 1, pages);
}

Html pager(const Context& ctx, const std::string& base, const std::string& fragment, std::int64_t page,
           std::int64_t pages) {
  if (pages <= 1) return Html();
  Html links;
  if (page > 1)
    links += render(R"(<li><a href="{}{}{}" rel="prev">{}</a></li>)", base, page - 1, fragment, ctx.tr(N_("Previous page")));
  links += render(R"(<li aria-current="page">{}</li>)", fmt::format(fmt::runtime(ctx.tr(N_("Page {} of {}"))), page, pages));
  if (page < pages)
    links += render(R"(<li><a href="{}{}{}" rel="next">{}</a></li>)", base, page + 1, fragment, ctx.tr(N_("Next page")));
  return render(R"(<nav aria-label="{}" class="pager"><ul>{}</ul></nav>)", ctx.tr(N_("Pages")), links);
}

std::string lever_short(const Context& ctx, std::string_view slug) {
  if (slug == "commande") return ctx.tr(N_("Ordering"));
  if (slug == "offre") return ctx.tr(N_("Offer"));
  if (slug == "usages") return ctx.tr(N_("Uses"));
  return std::string(slug);
}

std::string day(const Context& ctx, const std::optional<sys_seconds>& t) { return t ? ctx.t->date(*t) : ""; }
std::string iso_day(const std::optional<sys_seconds>& t) { return t ? date::format("%F", *t) : ""; }

std::string qualities_text(const Context& ctx, const std::vector<std::string>& slugs) {
  std::string out;
  for (const auto& q : slugs) out += (out.empty() ? "" : ", ") + label(ctx, kQualities, q);
  return out;
}

std::string organisations_text(const std::vector<CarryingOrganisation>& orgs) {
  std::string out;
  for (const auto& o : orgs) out += (out.empty() ? "" : ", ") + o.name;
  return out;
}

std::string involvement_label(const Context& ctx, Involvement i) {
  switch (i) {
    case Involvement::co_porteur: return ctx.tr(N_("co-porteur"));
    case Involvement::membre: return ctx.tr(N_("coalition member"));
    case Involvement::interesse: return ctx.tr(N_("interested"));
    case Involvement::porteur_action: return ctx.tr(N_("carries an action"));
  }
  return "";
}

ActionInput input_of(const Action& a) {
  ActionInput in;
  in.parent = a.parent_id ? std::to_string(*a.parent_id) : "";
  in.title = a.title;
  in.description = a.description;
  in.lever = a.lever;
  in.scale = a.scale;
  in.status = a.status;
  in.abandon_reason = a.abandon_reason;
  in.starts_on = iso_day(a.starts_on);
  in.due_on = iso_day(a.due_on);
  in.progress = std::to_string(a.entered_progress);
  in.victory = a.victory;
  in.qualities = a.qualities;
  for (const auto& o : a.organisations) in.organisations.push_back(o.slug);
  for (const auto& e : a.events) in.events.push_back(e.slug);
  in.resources = a.resources;
  in.base_revision = a.revision;
  return in;
}

ActionInput input_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  ActionInput in;
  in.parent = f.get("parent");
  in.title = f.get("title");
  in.description = f.get("description");
  in.lever = f.get("lever");
  in.scale = f.get("scale");
  in.status = f.get("status");
  in.abandon_reason = f.get("abandon_reason");
  in.starts_on = f.get("starts_on");
  in.due_on = f.get("due_on");
  in.progress = f.get("progress");
  in.victory = f.get("victory") == "1";
  in.qualities = f.all("qualities");
  in.organisations = f.all("organisations");
  in.events = f.all("events");
  in.resources = f.get("resources");
  in.comment = f.get("comment");
  in.base_revision = numbers::whole(f.get("base_revision"), 0, numbers::kMaxId).value_or(0);  // absent on creation
  return in;
}

namespace {

// A group of checkboxes sharing one name, in a fieldset whose legend names it; its error next to it.
Html checkbox_group(const Context& ctx, const std::string& name, const std::string& legend,
                    const std::vector<fv::Option>& choices, const std::vector<std::string>& checked,
                    const FieldErrors& errors) {
  Html boxes;
  for (const auto& c : choices) {
    bool on = std::find(checked.begin(), checked.end(), c.value) != checked.end();
    boxes += render(R"(<div class="field checkbox"><input type="checkbox" id="f-{}-{}" name="{}" value="{}"{}><label for="f-{}-{}">{}</label></div>)",
                    name, c.value, name, c.value, on ? html::trusted(" checked") : Html(), name, c.value, c.label);
  }
  const char* error = errors.find(name);
  return render(R"(<fieldset id="f-{}"{}><legend>{}</legend>{}{}</fieldset>)", name,
                error ? render(R"( aria-describedby="f-{}-error")", name) : Html(), legend,
                error ? render(R"(<p class="error" id="f-{}-error">{}</p>)", name, ctx.tr(error)) : Html(), boxes);
}

}  // namespace

Html action_form(Context& ctx, const coalitions::Coalition& k, const std::string& action, const ActionInput& v,
                 const std::vector<Action>& parents, const FieldErrors& errors, const std::string& button) {
  std::vector<fv::Option> parent_options, orgs;
  for (const auto& p : parents)
    if (!p.parent_id) parent_options.push_back({std::to_string(p.id), p.title});
  Html org_options;
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) {
    bool on = std::find(v.organisations.begin(), v.organisations.end(), o.slug) != v.organisations.end();
    org_options += render(R"(<option value="{}"{}>{}</option>)", o.slug, on ? html::trusted(" selected") : Html(),
                          o.name);
  }
  const char* org_error = errors.find("organisations");
  Html org_field = render(
      R"(<div class="field"><label for="f-organisations">{}</label><p class="hint" id="f-organisations-hint">{}</p>{}<select id="f-organisations" name="organisations" multiple size="6" aria-describedby="f-organisations-hint{}">{}</select></div>)",
      ctx.tr(N_("Carrying organisations")), ctx.tr(N_("Hold Ctrl (or Cmd) to choose several.")),
      org_error ? render(R"(<p class="error" id="f-organisations-error">{}</p>)", ctx.tr(org_error)) : Html(),
      org_error ? " f-organisations-error" : "", org_options);
  std::vector<fv::Option> quality_options = options(ctx, kQualities);
  std::vector<fv::Option> event_options;
  for (const auto& e : store::coalition_events(ctx.db, k.id))
    event_options.push_back({e.slug, e.title + " (" + ctx.t->date(e.starts_at) + ")"});
  return render(
      R"(<form method="post" action="{}" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}<button type="submit">{}</button></form>)",
      action, fv::csrf_field(ctx), v.base_revision,
      fv::input(ctx, {"title", ctx.tr(N_("Title")), v.title, "text", "off", "", true, kMaxTitle}, errors),
      fv::textarea(ctx,
                   {"description", ctx.tr(N_("Description")), v.description, "", "",
                    ctx.tr(N_("What the action does and for whom. Markdown is accepted.")), false, 0},
                   errors, 4),
      fv::select(ctx, {"lever", ctx.tr(N_("Lever")), v.lever, "", "", "", true, 0}, options(ctx, kLevers), errors,
                 ctx.tr(N_("Choose…"))),
      fv::select(ctx, {"scale", ctx.tr(N_("Scale")), v.scale, "", "", "", true, 0}, options(ctx, kScales), errors,
                 ctx.tr(N_("Choose…"))),
      fv::select(ctx, {"status", ctx.tr(N_("Status")), v.status.empty() ? "proposee" : v.status, "", "", "", true, 0},
                 options(ctx, kStatuses), errors),
      fv::textarea(ctx,
                   {"abandon_reason", ctx.tr(N_("Reason for abandoning")), v.abandon_reason, "", "",
                    ctx.tr(N_("Required when the status is abandoned.")), false, kMaxReason},
                   errors, 2),
      fv::input(ctx, {"starts_on", ctx.tr(N_("Start")), v.starts_on, "date", "off", ctx.tr(N_("Year-month-day.")), false, 10},
                errors),
      fv::input(ctx, {"due_on", ctx.tr(N_("Due date")), v.due_on, "date", "off", ctx.tr(N_("Year-month-day.")), false, 10},
                errors),
      fv::input(ctx,
                {"progress", ctx.tr(N_("Progress (%)")), v.progress, "text", "off",
                 ctx.tr(N_("From 0 to 100. When the action has sub-actions, their mean is shown instead.")), false,
                 3},
                errors),
      parent_options.empty()
          ? Html()
          : fv::select(ctx, {"parent", ctx.tr(N_("Sub-action of")), v.parent, "", "", "", false, 0}, parent_options,
                       errors, ctx.tr(N_("None: a main action"))),
      fv::checkbox(ctx, "victory", ctx.tr(N_("A victory: a winnable, visible goal")), v.victory),
      checkbox_group(ctx, "qualities", ctx.tr(N_("Qualities it serves")), quality_options, v.qualities, errors),
      org_field,
      event_options.empty()
          ? Html()
          : checkbox_group(ctx, "events", ctx.tr(N_("Linked events")), event_options, v.events, errors),
      fv::textarea(ctx,
                   {"resources", ctx.tr(N_("Linked resources")), v.resources, "", "",
                    ctx.tr(N_("One address per line.")), false, kMaxResources},
                   errors, 3),
      fv::input(ctx,
                {"comment", ctx.tr(N_("What did you change?")), v.comment, "text", "off",
                 ctx.tr(N_("A short note shown in the history (300 characters at most).")), false, kMaxComment},
                errors),
      button);
}

Html indicator_fields(const Context& ctx, const IndicatorInput& v, const FieldErrors& errors) {
  return render(
      "{}{}{}{}{}{}{}",
      fv::input(ctx, {"name", ctx.tr(N_("Name")), v.name, "text", "off", "", true, kMaxName}, errors),
      fv::input(ctx, {"unit", ctx.tr(N_("Unit")), v.unit, "text", "off", ctx.tr(N_("Such as people, datasets, %.")),
                      false, kMaxUnit}, errors),
      fv::select(ctx, {"quality", ctx.tr(N_("Quality")), v.quality, "", "", "", true, 0}, options(ctx, kQualities),
                 errors, ctx.tr(N_("Choose…"))),
      fv::select(ctx, {"impact", ctx.tr(N_("Kind of impact")), v.impact, "", "", "", true, 0}, options(ctx, kImpacts),
                 errors, ctx.tr(N_("Choose…"))),
      fv::input(ctx, {"baseline", ctx.tr(N_("Baseline")), v.baseline, "text", "off", "", false, 30}, errors),
      fv::input(ctx, {"target", ctx.tr(N_("Target")), v.target, "text", "off", "", false, 30}, errors),
      fv::textarea(ctx, {"description", ctx.tr(N_("How it is measured")), v.description, "", "", "", false, 2000},
                   errors, 3));
}

Html measurement_fields(const Context& ctx, const MeasurementInput& v, const FieldErrors& errors) {
  return render(
      "{}{}{}",
      fv::input(ctx, {"measured_on", ctx.tr(N_("Date of the measurement")), v.measured_on, "date", "off",
                      ctx.tr(N_("Year-month-day.")), true, 10}, errors),
      fv::input(ctx, {"value", ctx.tr(N_("Value")), v.value, "text", "off", "", true, 30}, errors),
      fv::input(ctx, {"source", ctx.tr(N_("Source")), v.source, "text", "off",
                      ctx.tr(N_("Where the figure comes from: a survey, a count, a report…")), false, kMaxSource},
                errors));
}

Html actions_table(const Context& ctx, const std::vector<Action>& actions, bool with_coalition) {
  if (actions.empty()) return render("<p>{}</p>", ctx.tr(N_("No action yet.")));
  Html rows;
  for (const auto& a : actions) {
    Html title = render(R"(<a href="/coalitions/{}/feuille-de-route/{}">{}</a>{}{})", a.coalition_slug, a.id, a.title,
                        a.parent_id ? render(R"( <span class="meta">({})</span>)", ctx.tr(N_("sub-action"))) : Html(),
                        a.victory ? render(R"( <strong>{}</strong>)", ctx.tr(N_("Victory"))) : Html());
    Html coalition = with_coalition ? render(R"(<td><a href="/coalitions/{}/feuille-de-route">{}</a></td>)",
                                             a.coalition_slug, a.coalition_number)
                                    : Html();
    rows += render("<tr>{}<td>{}</td><td>{}</td><td>{}</td><td>{} %</td><td>{}</td><td>{}</td></tr>", coalition, title,
                   lever_short(ctx, a.lever), label(ctx, kStatuses, a.status), a.progress, day(ctx, a.due_on),
                   organisations_text(a.organisations));
  }
  return render(
      R"(<div class="table"><table><thead><tr>{}<th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
      with_coalition ? render(R"(<th scope="col">{}</th>)", ctx.tr(N_("Coalition"))) : Html(), ctx.tr(N_("Action")),
      ctx.tr(N_("Lever")), ctx.tr(N_("Status")), ctx.tr(N_("Progress")), ctx.tr(N_("Due date")),
      ctx.tr(N_("Carried by")), rows);
}

Html matrix_section(const Context& ctx, const Matrix& m) {
  Html head;
  for (const auto& l : kLevers) head += render(R"(<th scope="col">{}</th>)", lever_short(ctx, l.slug));
  Html rows;
  auto names = [&](const std::vector<MatrixActor>& list) {
    Html out;
    for (const auto& a : list)
      out += render(R"({}<a href="/organisations/{}">{}</a> <span class="meta">({})</span>)",
                    out.empty() ? Html() : html::trusted("<br>"), a.slug, a.name, involvement_label(ctx, a.involvement));
    return out;
  };
  for (const auto& r : m.rows) {
    if (!r.present()) continue;
    Html cells;
    for (const auto& cell : r.by_lever) cells += render("<td>{}</td>", cell.empty() ? render("—") : names(cell));
    rows += render(R"(<tr><th scope="row">{}</th>{}<td>{}</td></tr>)", r.kind.label, cells,
                   r.without_lever.empty() ? render("—") : names(r.without_lever));
  }
  std::string missing;
  for (const auto& k : m.missing_kinds) missing += (missing.empty() ? "" : ", ") + k.label;
  std::string uncovered;
  for (std::size_t l = 0; l < 3; ++l)
    if (!m.lever_covered[l]) uncovered += (uncovered.empty() ? "" : ", ") + lever_short(ctx, kLevers[l].slug);
  Html table = rows.empty() ? render("<p>{}</p>", ctx.tr(N_("No organisation is involved yet.")))
                            : render(R"(<div class="table"><table><caption>{}</caption><thead><tr><th scope="col">{}</th>{}<th scope="col">{}</th></tr></thead><tbody>{}</tbody></table></div>)",
                                     ctx.tr(N_("Organisations involved, by kind and lever")), ctx.tr(N_("Kind")), head,
                                     ctx.tr(N_("No lever said")), rows);
  return render(
      R"(<section aria-labelledby="acteurs-leviers"><h2 id="acteurs-leviers">{}</h2>{}
<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>
<p class="meta">{}</p></section>)",
      ctx.tr(N_("Actors and levers")), table, ctx.tr(N_("To involve (kinds absent)")),
      missing.empty() ? ctx.tr(N_("none: every kind is present")) : missing, ctx.tr(N_("Levers without an actor")),
      uncovered.empty() ? ctx.tr(N_("none")) : uncovered, ctx.tr(N_("Distinct kinds")),
      fmt::format(fmt::runtime(ctx.tr(N_("{} of {} ({} organisations)"))), m.distinct_kinds, m.rows.size(),
                  m.organisations),
      ctx.tr(N_("Diversity index")), charts::number(m.diversity, decimal(ctx)),
      ctx.tr(N_("The diversity index (Gini–Simpson) is the chance that two organisations of the coalition drawn at random are of different kinds: 1 minus the sum, over kinds, of the squared share of organisations of that kind. 0 means a single kind; the more kinds, evenly represented, the closer to 1. Organisations count once, whether co-porteur, member, interested or carrying an action.")));
}

Html coalition_section(Context& ctx, const coalitions::Coalition& k) {
  std::vector<ActorRecord> records;
  for (auto& [id, r] : store::actors(ctx.db, k.id)) records.push_back(std::move(r));
  Matrix m = build_matrix(store::kinds(ctx.db), records);
  return render(R"(<p><a href="/coalitions/{}/feuille-de-route">{}</a> · <a href="/coalitions/{}/impact">{}</a></p>{})",
                k.slug, ctx.tr(N_("Roadmap")), k.slug, ctx.tr(N_("Impact")), matrix_section(ctx, m));
}

}  // namespace fabrique::roadmaps::views
