// Shared pieces of the coalition pages.
#include "coalitions/views.hpp"
#include "coalitions/view_models.hpp"

#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"
#include "views/forms.hpp"

namespace fabrique::coalitions::views {

using html::render;
using i18n::N_;

std::string stage_label(const Context& ctx, std::string_view slug) { return ctx.tr(stage_msgid(std::string(slug))); }

std::string days(const Context& ctx, std::chrono::seconds span) {
  long n = std::max<long>(0, static_cast<long>(span.count() / 86400));
  return fmt::format(fmt::runtime(ctx.trn("{} day", "{} days", n)), n);
}

std::string public_name(const Context& ctx, const std::string& name, const std::string& organisation) {
  if (!name.empty() && !organisation.empty()) return name + " (" + organisation + ")";
  if (!name.empty()) return name;
  if (!organisation.empty()) return organisation;
  return ctx.tr(N_("a member"));
}

CoalitionFormValues values_of(const Coalition& k) {
  return {k.number,         k.title,       k.slug,          k.summary,       k.family_slug, k.cohort_slug,
          k.stage,          k.animating_organisation_slug, k.scale_local, k.scale_national, k.scale_european};
}

CoalitionFormValues values_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  return {f.get("number"), f.get("title"),  f.get("slug"),  f.get("summary"),
          f.get("family"), f.get("cohort"), f.get("stage"), f.get("animating_organisation"),
          f.get("scale_local") == "1", f.get("scale_national") == "1", f.get("scale_european") == "1"};
}

Html fields_form(Context& ctx, const std::string& action, const CoalitionFormValues& v, const FieldErrors& errors,
                 bool with_slug) {
  std::vector<fabrique::views::Option> families, cohorts, stages, orgs;
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionFamilies)) families.push_back({t.slug, t.label});
  for (const auto& t : taxonomies::terms(ctx.db, taxonomies::kCoalitionCohorts)) cohorts.push_back({t.slug, t.label});
  for (const auto& s : kStages) stages.push_back({s.slug, ctx.tr(s.label)});
  for (const auto& o : organisations::store::list(ctx.db, std::nullopt)) orgs.push_back({o.slug, o.name});
  namespace fv = fabrique::views;
  Html slug;
  if (with_slug)
    slug = fv::input(ctx,
                     {"slug", ctx.tr(N_("Address")), v.slug, "text", "off",
                      ctx.tr(N_("Lower-case letters, digits and dashes; made from the title when left empty.")),
                      false, 60},
                     errors);
  return render(
      R"(<form method="post" action="{}" novalidate>{}{}{}{}{}{}{}{}{}{}<fieldset><legend>{}</legend>{}{}{}</fieldset><button type="submit">{}</button></form>)",
      action, fv::csrf_field(ctx),
      fv::input(ctx, {"number", ctx.tr(N_("Number")), v.number, "text", "off", ctx.tr(N_("Such as 8 or 8.a.")), true, 20},
                errors),
      fv::input(ctx, {"title", ctx.tr(N_("Title")), v.title, "text", "off", "", true, 200}, errors), slug,
      fv::textarea(ctx,
                   {"summary", ctx.tr(N_("Summary")), v.summary, "", "",
                    ctx.tr(N_("One or two sentences shown in lists (400 characters at most).")), false, 400},
                   errors, 3),
      fv::select(ctx, {"family", ctx.tr(N_("Family")), v.family, "", "", "", true, 0}, families, errors,
                 ctx.tr(N_("Choose…"))),
      fv::select(ctx, {"stage", ctx.tr(N_("Stage")), v.stage.empty() ? "idee" : v.stage, "", "", "", true, 0}, stages,
                 errors),
      fv::select(ctx, {"cohort", ctx.tr(N_("Cohort")), v.cohort, "", "", "", false, 0}, cohorts, errors,
                 ctx.tr(N_("None"))),
      fv::select(ctx, {"animating_organisation", ctx.tr(N_("Animating organisation")), v.animating_organisation, "",
                       "", "", false, 0},
                 orgs, errors, ctx.tr(N_("None"))),
      Html(), ctx.tr(N_("Scales")), fv::checkbox(ctx, "scale_local", ctx.tr(N_("Local")), v.scale_local),
      fv::checkbox(ctx, "scale_national", ctx.tr(N_("National")), v.scale_national),
      fv::checkbox(ctx, "scale_european", ctx.tr(N_("European")), v.scale_european), ctx.tr(N_("Save the fields")));
}

}  // namespace fabrique::coalitions::views
