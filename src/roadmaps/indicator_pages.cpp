// An indicator's own page: its facts and measurements, the form that edits it (a new revision; a
// stale edit is refused with 409), its history (revisions, with the button that restores an older
// one, corrected and removed measurements), and the page that corrects or removes one measurement.
#include "accounts/pages.hpp"
#include "charts/charts.hpp"
#include "coalitions/store.hpp"
#include "coalitions/views.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/history.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
#include "views/forms.hpp"
#include "views/layout.hpp"

namespace fabrique::roadmaps::pages {

using html::Html;
using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

constexpr history::Field kIndicatorFields[] = {
    {"name", N_("Name")},           {"unit", N_("Unit")},     {"quality", N_("Quality")},
    {"impact", N_("Kind of impact")}, {"baseline", N_("Baseline")}, {"target", N_("Target")},
    {"description", N_("How it is measured"), true}};

std::string base_of(const coalitions::Coalition& k, const Indicator& i) {
  return "/coalitions/" + k.slug + "/impact/" + std::to_string(i.id);
}

std::string figure(const Context& ctx, const Indicator& i, double v) {
  return charts::number(v, views::decimal(ctx)) + (i.unit.empty() ? "" : " " + i.unit);
}

IndicatorInput input_of(const Indicator& i) {
  auto number = [](const std::optional<double>& v) { return v ? charts::number(*v) : std::string(); };
  return {i.name, i.unit, i.quality, i.impact, i.description, number(i.baseline), number(i.target), "", i.revision};
}

// The corrections and removals of the indicator's measurements, newest first.
Html measurement_changes(const Context& ctx, const Indicator& i, const std::vector<MeasurementChange>& changes) {
  if (changes.empty()) return Html();
  Html items;
  for (const auto& ch : changes) {
    std::string was = ctx.t->date(ch.before.measured_on) + " : " + figure(ctx, i, ch.before.value) +
                      (ch.before.source.empty() ? "" : " (" + ch.before.source + ")");
    Html what = ch.removal
                    ? render("{} {}", ctx.tr(N_("Removed:")), was)
                    : render("{} {} → {}", ctx.tr(N_("Corrected:")), was,
                             ctx.t->date(ch.after->measured_on) + " : " + figure(ctx, i, ch.after->value) +
                                 (ch.after->source.empty() ? "" : " (" + ch.after->source + ")"));
    items += render("<li><p><strong>{}</strong>{} — {}{}</p></li>", ctx.t->date(ch.at),
                    ch.author.empty() ? Html() : render(" ({})", ch.author), what,
                    ch.reason.empty() ? Html() : render(" — {}", ch.reason));
  }
  return render(R"(<h3>{}</h3><ol class="history">{}</ol>)", ctx.tr(N_("Corrected and removed measurements")), items);
}

// The indicator's page. `refused` holds why an old revision could not be restored (422), else nothing.
Response render_indicator(Context& ctx, const coalitions::Coalition& k, const Indicator& i, const IndicatorInput& v,
                          const FieldErrors& errors, bool conflict, int status, const FieldErrors& refused = {}) {
  const bool editor = can_edit(ctx.db, ctx.actor(), k.id);
  const std::string base = base_of(k, i);
  const auto revisions = store::indicator_revisions(ctx.db, i.id);
  Html rows;
  for (const auto& m : i.measurements) {
    Html change = editor ? render(R"(<td><a href="{}/mesures/{}">{}<span class="visually-hidden"> — {}</span></a></td>)",
                                  base, m.id, ctx.tr(N_("Correct or remove")), ctx.t->date(m.measured_on))
                         : Html();
    rows += render("<tr><td>{}</td><td>{}</td><td>{}</td>{}</tr>", ctx.t->date(m.measured_on),
                   charts::number(m.value, views::decimal(ctx)), m.source, change);
  }
  Html table = i.measurements.empty()
                   ? render("<p>{}</p>", ctx.tr(N_("No measurement yet.")))
                   : render(R"(<div class="table"><table><thead><tr><th scope="col">{}</th><th scope="col">{}</th><th scope="col">{}</th>{}</tr></thead><tbody>{}</tbody></table></div>)",
                            ctx.tr(N_("Date")), i.unit.empty() ? ctx.tr(N_("Value")) : ctx.tr(N_("Value")) + " (" + i.unit + ")",
                            ctx.tr(N_("Source")),
                            editor ? render(R"(<th scope="col">{}</th>)", ctx.tr(N_("Corrections"))) : Html(), rows);
  auto ref = [&](const std::optional<double>& x) { return x ? figure(ctx, i, *x) : ctx.tr(N_("not set")); };
  Html edit;
  if (editor)
    edit = render(
        R"(<h2 id="modifier">{}</h2>{}{}<form method="post" action="{}" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}{}<button type="submit">{}</button></form>)",
        ctx.tr(N_("Edit the indicator")),
        conflict ? history::conflict_box(ctx, N_("Someone saved this indicator while you were editing it")) : Html(),
        fv::error_summary(ctx, errors), base, fv::csrf_field(ctx), v.base_revision,
        views::indicator_fields(ctx, v, errors),
        fv::input(ctx,
                  {"comment", ctx.tr(N_("What did you change?")), v.comment, "text", "off",
                   ctx.tr(N_("A short note shown in the history (300 characters at most).")), false, kMaxComment},
                  errors),
        ctx.tr(N_("Save the indicator")));
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a> › <a href="/coalitions/{}/impact#indicateur-{}">{}</a></p>
<h1>{}</h1>
<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>{}
<h2>{}</h2>{}
<h2 id="historique">{}</h2>{}{}<ol class="history">{}</ol>{}{})",
      k.slug, coalitions::views::full_title(k), k.slug, i.id, ctx.tr(N_("Impact")), i.name, ctx.tr(N_("Quality")),
      views::label(ctx, kQualities, i.quality), ctx.tr(N_("Kind of impact")), views::label(ctx, kImpacts, i.impact),
      ctx.tr(N_("Unit")), i.unit.empty() ? ctx.tr(N_("not set")) : i.unit, ctx.tr(N_("Baseline")), ref(i.baseline),
      ctx.tr(N_("Target")), ref(i.target), i.description.empty() ? Html() : render("<p>{}</p>", i.description),
      ctx.tr(N_("Measurements")), table, ctx.tr(N_("History")), history::refused_box(ctx, refused),
      history::compare(ctx, revisions, base, kIndicatorFields, 3),
      history::items(ctx, revisions, kIndicatorFields,
                     [&](const Revision& r) { return history::restore_button(ctx, editor, base, r, i.revision); }),
      measurement_changes(ctx, i, store::measurement_changes(ctx.db, i.id)), edit);
  return fv::page(ctx, status, i.name, body);
}

struct Target {
  coalitions::Coalition coalition;
  Indicator indicator;
  Measurement measurement;
};

// The coalition, indicator and measurement named by the path; NotFound (404) for any missing.
Target target_of(Context& ctx) {
  auto k = views::coalition_of(ctx);
  auto i = store::indicator(ctx.db, k.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  for (const auto& m : i->measurements)
    if (m.id == ctx.param_int("measure")) return {k, *i, m};
  throw NotFound();
}

Response render_measurement(Context& ctx, const Target& t, const MeasurementInput& correction,
                            const FieldErrors& correction_errors, const MeasurementInput& removal,
                            const FieldErrors& removal_errors, bool conflict, int status) {
  if (!can_edit(ctx.db, ctx.actor(), t.coalition.id))
    return fv::forbidden(ctx, N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  const std::string action = base_of(t.coalition, t.indicator) + "/mesures/" + std::to_string(t.measurement.id);
  const std::string title =
      fmt::format(fmt::runtime(ctx.tr(N_("Measurement of {}"))), ctx.t->date(t.measurement.measured_on));
  Html body = render(
      R"(<p class="meta"><a href="/coalitions/{}">{}</a> › <a href="{}">{}</a></p>
<h1>{}</h1><p>{} {}{}</p>{}
<h2 id="corriger">{}</h2>{}<form method="post" action="{}" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}{}<button type="submit">{}</button></form>
<h2 id="supprimer">{}</h2><p>{}</p>{}<form method="post" action="{}/suppression" novalidate>{}<input type="hidden" name="base_revision" value="{}">{}<button type="submit" class="secondary">{}</button></form>)",
      t.coalition.slug, coalitions::views::full_title(t.coalition), base_of(t.coalition, t.indicator), t.indicator.name,
      title, ctx.tr(N_("Recorded value:")), figure(ctx, t.indicator, t.measurement.value),
      t.measurement.source.empty() ? Html() : render(" ({})", t.measurement.source),
      conflict ? history::conflict_box(ctx, N_("Someone changed this measurement while you were editing it")) : Html(),
      ctx.tr(N_("Correct the measurement")), fv::error_summary(ctx, correction_errors), action, fv::csrf_field(ctx),
      correction.base_revision, views::measurement_fields(ctx, correction, correction_errors),
      fv::input(ctx, {"reason", ctx.tr(N_("Why correct it?")), correction.reason, "text", "off",
                      ctx.tr(N_("Kept in the indicator's history (300 characters at most).")), false, kMaxComment},
                correction_errors),
      ctx.tr(N_("Save the correction")), ctx.tr(N_("Remove the measurement")),
      ctx.tr(N_("The removal is kept in the indicator's history, with the value, who removed it and why.")),
      fv::error_summary(ctx, removal_errors), action, fv::csrf_field(ctx), removal.base_revision,
      fv::input(ctx, {"removal_reason", ctx.tr(N_("Why remove it?")), removal.reason, "text", "off",
                      ctx.tr(N_("Such as: counted twice, wrong indicator.")), true, kMaxComment},
                removal_errors),
      ctx.tr(N_("Remove the measurement")));
  return fv::page(ctx, status, title, body);
}

MeasurementInput input_of(const Measurement& m) {
  return {views::iso_day(m.measured_on), charts::number(m.value), m.source, "", m.revision};
}

std::int64_t base_revision(const Context& ctx) {
  // Absent or not a revision: treated as stale, refused with 409, nothing written.
  return numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId).value_or(0);
}

}  // namespace

Response show_indicator(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto i = store::indicator(ctx.db, k->id, ctx.param_int("id"));
  if (!i) return fv::not_found(ctx);
  return render_indicator(ctx, *k, *i, input_of(*i), {}, false, 200);
}

Response update_indicator(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const auto& f = ctx.form;
  IndicatorInput in{f.get("name"),     f.get("unit"),   f.get("quality"), f.get("impact"), f.get("description"),
                    f.get("baseline"), f.get("target"), f.get("comment"), base_revision(ctx)};
  auto result = roadmaps::update_indicator(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), in, ctx.now);
  auto k = views::coalition_of(ctx);
  if (result.errors.empty() && !result.conflict)
    return Response::redirect("/coalitions/" + k.slug + "/impact/" + std::to_string(ctx.param_int("id")));
  auto i = store::indicator(ctx.db, k.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  // After a conflict the next save starts from the current revision: the person has now seen it.
  if (result.conflict) in.base_revision = i->revision;
  return render_indicator(ctx, k, *i, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response restore_indicator(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto result = roadmaps::restore_indicator_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                                     ctx.param_int("number"), ctx.now);
  auto k = views::coalition_of(ctx);
  auto i = store::indicator(ctx.db, k.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  if (result.errors.empty()) return Response::redirect(base_of(k, *i) + "#historique");
  return render_indicator(ctx, k, *i, input_of(*i), {}, false, 422, result.errors);
}

Response show_measurement(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  auto t = target_of(ctx);
  return render_measurement(ctx, t, input_of(t.measurement), {}, {"", "", "", "", t.measurement.revision}, {}, false,
                            200);
}

Response correct_measurement(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  const auto& f = ctx.form;
  MeasurementInput in{f.get("measured_on"), f.get("value"), f.get("source"), f.get("reason"), base_revision(ctx)};
  auto result = roadmaps::correct_measurement(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                              ctx.param_int("measure"), in, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return Response::redirect("/coalitions/" + ctx.param("slug") + "/impact/" + std::to_string(ctx.param_int("id")));
  auto t = target_of(ctx);
  if (result.conflict) in.base_revision = t.measurement.revision;
  return render_measurement(ctx, t, in, result.errors, {"", "", "", "", t.measurement.revision}, {}, result.conflict,
                            result.conflict ? 409 : 422);
}

Response remove_measurement(Context& ctx) {
  if (!ctx.user) return accounts::pages::sign_in_first(ctx);
  MeasurementInput in{"", "", "", ctx.form.get("removal_reason"), base_revision(ctx)};
  auto result = roadmaps::remove_measurement(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                             ctx.param_int("measure"), in, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return Response::redirect("/coalitions/" + ctx.param("slug") + "/impact/" + std::to_string(ctx.param_int("id")));
  auto t = target_of(ctx);
  if (result.conflict) in.base_revision = t.measurement.revision;
  return render_measurement(ctx, t, input_of(t.measurement), {}, in, result.errors, result.conflict,
                            result.conflict ? 409 : 422);
}

}  // namespace fabrique::roadmaps::pages
