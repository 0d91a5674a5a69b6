// An indicator's own page: its facts and measurements, the form that edits it (a new revision; a
// stale edit is refused with 409), its history (revisions, with the button that restores an older
// one, corrected and removed measurements), and the page that corrects or removes one measurement.
#include <boost/json.hpp>

#include "charts/charts.hpp"
#include "coalitions/json.hpp"
#include "coalitions/store.hpp"
#include "common/numbers.hpp"
#include "i18n/i18n.hpp"
#include "roadmaps/history.hpp"
#include "roadmaps/json.hpp"
#include "roadmaps/loaders.hpp"
#include "roadmaps/pages.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/templates/indicator.hpp"
#include "roadmaps/urls.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/views.hpp"
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

constexpr history::Field kIndicatorFields[] = {{"name", N_("Name")},
                                               {"unit", N_("Unit")},
                                               {"quality", N_("Quality"), false, kQualities},
                                               {"impact", N_("Kind of impact"), false, kImpacts},
                                               {"baseline", N_("Baseline")},
                                               {"target", N_("Target")},
                                               {"description", N_("How it is measured"), true}};

std::string base_of(const coalitions::Coalition& k, const Indicator& i) { return urls::indicator(k.slug, i.id); }

IndicatorInput input_of(const Indicator& i) {
  auto number = [](const std::optional<double>& v) { return v ? charts::number(*v) : std::string(); };
  return {i.name, i.unit, i.quality, i.impact, i.description, number(i.baseline), number(i.target), "", i.revision};
}

// The indicator's page. `refused` holds why an old revision could not be restored (422), else nothing.
Response render_indicator(Context& ctx, const coalitions::Coalition& k, const Indicator& i, const IndicatorInput& v,
                          const FieldErrors& errors, bool conflict, int status, const FieldErrors& refused = {},
                          fv::Conflicts conflicts = {}) {
  IndicatorPage page = load_indicator(ctx, k, i, refused);
  page.conflict = conflict;
  page.conflicts = std::move(conflicts);
  page.form = v;
  page.errors = errors;
  // Asking for the CSRF token only when a form is shown keeps the visitor's page cacheable.
  const std::string csrf = page.editor ? ctx.csrf_token() : std::string();
  return fv::page(ctx, status, i.name, html::render(*ctx.t, templates::IndicatorShow{.page = page, .csrf = csrf}));
}

struct Target {
  coalitions::Coalition coalition;
  Indicator indicator;
  Measurement measurement;
};

// The coalition, indicator and measurement named by the path; NotFound (404) for any missing.
Target target_of(Context& ctx) {
  auto k = coalition_of(ctx);
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
    return fv::forbidden(ctx,
                         N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  MeasurementPage page;
  page.coalition = t.coalition;
  page.coalition_title = coalitions::full_title(t.coalition);
  page.indicator = t.indicator;
  page.measurement = t.measurement;
  page.title = fmt::format(fmt::runtime(ctx.tr(N_("Measurement of {}"))), ctx.t->date(t.measurement.measured_on));
  page.conflict = conflict;
  page.correction = correction;
  page.correction_errors = correction_errors;
  page.removal = removal;
  page.removal_errors = removal_errors;
  const std::string csrf = ctx.csrf_token();
  return fv::page(ctx, status, page.title,
                  html::render(*ctx.t, templates::MeasurementShow{.page = page, .csrf = csrf}));
}

MeasurementInput input_of(const Measurement& m) {
  return {views::iso_day(m.measured_on), charts::number(m.value), m.source, "", m.revision};
}

std::int64_t base_revision(const Context& ctx) {
  // Absent or not a revision: treated as stale, refused with 409, nothing written.
  return numbers::whole(ctx.form.get("base_revision"), 0, numbers::kMaxId).value_or(0);
}

}  // namespace

IndicatorPage load_indicator(Context& ctx, const coalitions::Coalition& k, const Indicator& i,
                             const FieldErrors& refused) {
  IndicatorPage page;
  page.coalition = k;
  page.coalition_title = coalitions::full_title(k);
  page.indicator = i;
  page.refused = refused;
  page.editor = can_edit(ctx.db, ctx.actor(), k.id);
  const std::string base = base_of(k, i);
  const auto revisions = store::indicator_revisions(ctx.db, i.id);
  page.compare = history::compare(ctx, revisions, base, kIndicatorFields, 3);
  page.revisions = history::items(ctx, revisions, kIndicatorFields, [&](const Revision& r) {
    return history::restore_button(ctx, page.editor, base, r, i.revision);
  });
  page.changes = store::measurement_changes(ctx.db, i.id);
  return page;
}

Response show_indicator(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return fv::not_found(ctx);
  auto i = store::indicator(ctx.db, k->id, ctx.param_int("id"));
  if (!i) return fv::not_found(ctx);
  return render_indicator(ctx, *k, *i, input_of(*i), {}, false, 200);
}

Response indicator_json(Context& ctx) {
  auto k = coalitions::store::by_slug(ctx.db, ctx.param("slug"));
  if (!k) return views::not_found_json(ctx);
  auto i = store::indicator(ctx.db, k->id, ctx.param_int("id"));
  if (!i) return views::not_found_json(ctx);
  IndicatorPage page = load_indicator(ctx, *k, *i, {});
  boost::json::object out = json::indicator(page.indicator);
  out["coalition"] = coalitions::json::summary(ctx, page.coalition);
  out["url"] = ctx.base_url + urls::indicator(page.coalition.slug, page.indicator.id);
  out["revisions"] = json::revisions(store::indicator_revisions(ctx.db, page.indicator.id));
  return coalitions::json::response(ctx, std::move(out));
}

Response update_indicator(Context& ctx) {
  const auto& f = ctx.form;
  IndicatorInput in{f.get("name"),     f.get("unit"),   f.get("quality"), f.get("impact"),    f.get("description"),
                    f.get("baseline"), f.get("target"), f.get("comment"), base_revision(ctx), fv::read_merge(f)};
  auto result = roadmaps::update_indicator(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"), in, ctx.now);
  auto k = coalition_of(ctx);
  if (result.errors.empty() && !result.conflict) {
    // A save merged with someone else's says so.
    if (result.merged_with)
      return Response::redirect(fv::merged(urls::indicator(k.slug, ctx.param_int("id")), result.merged_with));
    return fv::redirect_saved(urls::indicator(k.slug, ctx.param_int("id")), fv::Saved::indicator);
  }
  auto i = store::indicator(ctx.db, k.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  if (result.merge.to_settle()) {
    // The quality and the kind of impact are chosen from lists: shown by their labels.
    auto label_of = [&](const std::string& name) -> std::string {
      static constexpr std::pair<const char*, const char*> kLabels[] = {{"name", N_("Name")},
                                                                        {"unit", N_("Unit")},
                                                                        {"quality", N_("Quality")},
                                                                        {"impact", N_("Kind of impact")},
                                                                        {"baseline", N_("Baseline")},
                                                                        {"target", N_("Target")},
                                                                        {"description", N_("How it is measured")}};
      for (const auto& [field, label] : kLabels)
        if (name == field) return ctx.tr(label);
      return name;
    };
    auto shown = [&](const std::string& name, const std::string& value) -> std::optional<std::string> {
      if (name == "quality") return choice_label(*ctx.t, kQualities, value);
      if (name == "impact") return choice_label(*ctx.t, kImpacts, value);
      return std::nullopt;
    };
    return render_indicator(ctx, k, *i, *result.merged, result.errors, true, result.errors.empty() ? 409 : 422, {},
                            fv::conflicts_of(ctx, result.merge, i->revision, in.merge, label_of, shown));
  }
  // After a conflict the next save starts from the current revision: the person has now seen it.
  if (result.conflict) in.base_revision = i->revision;
  return render_indicator(ctx, k, *i, in, result.errors, result.conflict, result.conflict ? 409 : 422);
}

Response restore_indicator(Context& ctx) {
  auto result = roadmaps::restore_indicator_revision(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                                     ctx.param_int("number"), ctx.now);
  auto k = coalition_of(ctx);
  auto i = store::indicator(ctx.db, k.id, ctx.param_int("id"));
  if (!i) throw NotFound();
  if (result.errors.empty()) return fv::redirect_saved(base_of(k, *i) + "#historique", fv::Saved::restored);
  return render_indicator(ctx, k, *i, input_of(*i), {}, false, 422, result.errors);
}

Response show_measurement(Context& ctx) {
  auto t = target_of(ctx);
  return render_measurement(ctx, t, input_of(t.measurement), {}, {"", "", "", "", t.measurement.revision}, {}, false,
                            200);
}

Response correct_measurement(Context& ctx) {
  const auto& f = ctx.form;
  MeasurementInput in{f.get("measured_on"), f.get("value"), f.get("source"), f.get("reason"), base_revision(ctx)};
  auto result = roadmaps::correct_measurement(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                              ctx.param_int("measure"), in, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return fv::redirect_saved(urls::indicator(ctx.param("slug"), ctx.param_int("id")), fv::Saved::measurement);
  auto t = target_of(ctx);
  if (result.conflict) in.base_revision = t.measurement.revision;
  return render_measurement(ctx, t, in, result.errors, {"", "", "", "", t.measurement.revision}, {}, result.conflict,
                            result.conflict ? 409 : 422);
}

Response remove_measurement(Context& ctx) {
  MeasurementInput in{"", "", "", ctx.form.get("removal_reason"), base_revision(ctx)};
  auto result = roadmaps::remove_measurement(ctx.db, *ctx.user, ctx.param("slug"), ctx.param_int("id"),
                                             ctx.param_int("measure"), in, ctx.now);
  if (result.errors.empty() && !result.conflict)
    return fv::redirect_saved(urls::indicator(ctx.param("slug"), ctx.param_int("id")), fv::Saved::measurement_removed);
  auto t = target_of(ctx);
  if (result.conflict) in.base_revision = t.measurement.revision;
  return render_measurement(ctx, t, input_of(t.measurement), {}, in, result.errors, result.conflict,
                            result.conflict ? 409 : 422);
}

}  // namespace fabrique::roadmaps::pages
