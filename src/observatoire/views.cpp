// Shared pieces of the observatory pages: the entry form and the score summary.
#include "observatoire/views.hpp"

#include "i18n/i18n.hpp"
#include "observatoire/rubric.hpp"
#include "views/forms.hpp"

namespace fabrique::observatoire::views {

using html::render;
using i18n::N_;
namespace fv = fabrique::views;

namespace {

// Blank rows offered under the existing items of a list.
constexpr std::size_t kBlankRows = 2;

std::vector<fv::Option> options_of(const Context& ctx, const std::vector<ChoiceDef>& choices) {
  std::vector<fv::Option> out;
  for (const auto& c : choices) out.push_back({c.value, ctx.tr(c.label)});
  return out;
}

Html field_control(Context& ctx, const FieldDef& f, const std::string& value, const FieldErrors& errors) {
  fv::Field field{f.key, ctx.tr(f.label), value, "text", "off", "", f.required, f.max};
  switch (f.kind) {
    case Kind::choice:
      return fv::select(ctx, field, options_of(ctx, f.choices), errors, ctx.tr(N_("Choose…")));
    case Kind::longtext:
      field.hint = f.max >= 5000 ? ctx.tr(N_("5,000 characters at most."))
                   : f.max >= 2000 ? ctx.tr(N_("2,000 characters at most."))
                                   : ctx.tr(N_("350 characters at most, in words everyone understands."));
      return fv::textarea(ctx, field, errors, f.max >= 2000 ? 4 : 3);
    case Kind::url:
      field.type = "url";
      field.hint = ctx.tr(N_("A public web address starting with https://."));
      break;
    case Kind::siren:
      field.hint = ctx.tr(N_("Nine digits, as in the Sirene directory."));
      field.autocomplete.clear();
      break;
    default:
      break;
  }
  return fv::input(ctx, field, errors);
}

Html evidence_fields(Context& ctx, const Document& d, const FieldErrors& errors) {
  Html out;
  for (const auto& c : rubric().criteria) {
    const Evidence* e = d.evidence_for(c.id);
    std::string p = std::string("evidence_") + c.id + "_";
    Html level;
    if (c.levels.size() > 1) {
      std::vector<fv::Option> levels;
      for (const auto& l : c.levels)
        levels.push_back({l.key, fmt::format(fmt::runtime(ctx.trn("{} ({} point)", "{} ({} points)", l.points)),
                                             ctx.tr(l.label), l.points)});
      level = fv::select(ctx, {p + "level", ctx.tr(N_("Level")), e ? e->level : "", "", "", "", false, 0}, levels,
                         errors, ctx.tr(N_("Not found")));
    }
    out += render(R"(<fieldset><legend>{} — {} ({})</legend>{}{}{}{}{}</fieldset>)", c.id, ctx.tr(c.label),
                  fmt::format(fmt::runtime(ctx.trn("{} point", "{} points", c.max_points)), c.max_points), level,
                  fv::input(ctx,
                            {p + "url", ctx.tr(N_("Evidence (public web address)")), e ? e->url : "", "url", "off",
                             "", false, 500},
                            errors),
                  fv::input(ctx,
                            {p + "checked_on", ctx.tr(N_("Checked on (yyyy-mm-dd)")), e ? e->checked_on : "", "text",
                             "off", "", false, 10},
                            errors),
                  fv::input(ctx, {p + "note", ctx.tr(N_("Note")), e ? e->note : "", "text", "off", "", false, 1000},
                            errors),
                  fv::checkbox(ctx, p + "to_verify", ctx.tr(N_("Secondary source: to verify")), e && e->to_verify));
  }
  return render(R"(<h2>{}</h2><p>{}</p>{})", ctx.tr(N_("Evidence for the score")),
                ctx.tr(N_("A criterion scores only on public evidence that needs no login. Leave a criterion empty when nothing was found.")),
                out);
}

}  // namespace

Html document_fields(Context& ctx, const Document& d, const FieldErrors& errors, bool with_evidence) {
  Html out;
  for (const auto& g : kGroups) {
    Html controls;
    for (const auto& f : fields())
      if (std::string_view(f.group) == g.key) controls += field_control(ctx, f, d.get(f.key), errors);
    if (std::string_view(g.key) == "data") {
      Html rows;
      std::size_t n = std::min(d.data_sources.size() + kBlankRows, kMaxListItems);
      for (std::size_t i = 0; i < n; ++i) {
        DataSource s = i < d.data_sources.size() ? d.data_sources[i] : DataSource{};
        std::string p = "source_" + std::to_string(i) + "_";
        rows += render(R"(<fieldset><legend>{}</legend>{}{}{}{}{}</fieldset>)",
                       fmt::format(fmt::runtime(ctx.tr(N_("Data source {}"))), i + 1),
                       fv::input(ctx, {p + "name", ctx.tr(N_("Name")), s.name, "text", "off", "", i == 0, 300}, errors),
                       fv::textarea(ctx, {p + "description", ctx.tr(N_("Description")), s.description, "", "", "", false, 2000},
                                    errors, 2),
                       fv::input(ctx, {p + "origin", ctx.tr(N_("Origin")), s.origin, "text", "off", "", false, 300}, errors),
                       fv::input(ctx, {p + "collection", ctx.tr(N_("How it is collected")), s.collection, "text", "off", "", false, 300},
                                 errors),
                       fv::input(ctx, {p + "url", ctx.tr(N_("Web address")), s.url, "url", "off", "", false, 500}, errors));
      }
      controls += rows;
    }
    if (std::string_view(g.key) == "risk") {
      Html rows;
      std::size_t n = std::min(d.impact_assessments.size() + kBlankRows, kMaxListItems);
      std::vector<ChoiceDef> types(kAssessmentTypes.begin(), kAssessmentTypes.end());
      for (std::size_t i = 0; i < n; ++i) {
        ImpactAssessment a = i < d.impact_assessments.size() ? d.impact_assessments[i] : ImpactAssessment{"dpia", "", "", ""};
        std::string p = "assessment_" + std::to_string(i) + "_";
        rows += render(R"(<fieldset><legend>{}</legend>{}{}{}{}</fieldset>)",
                       fmt::format(fmt::runtime(ctx.tr(N_("Impact assessment {}"))), i + 1),
                       fv::select(ctx, {p + "type", ctx.tr(N_("Type")), a.type, "", "", "", false, 0}, options_of(ctx, types),
                                  errors),
                       fv::textarea(ctx, {p + "summary", ctx.tr(N_("Summary")), a.summary, "", "", "", false, 2000}, errors, 2),
                       fv::input(ctx, {p + "url", ctx.tr(N_("Web address")), a.url, "url", "off", "", false, 500}, errors),
                       fv::input(ctx, {p + "date", ctx.tr(N_("Date (yyyy-mm-dd)")), a.date, "text", "off", "", false, 10},
                                 errors));
      }
      controls += rows;
    }
    out += render(R"(<h2>{}</h2>{})", ctx.tr(g.title), controls);
  }
  if (with_evidence) out += evidence_fields(ctx, d, errors);
  return out;
}

Document document_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  Document d;
  for (const auto& def : fields())
    if (f.has(def.key)) d.fields[def.key] = f.get(def.key);
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    std::string p = "source_" + std::to_string(i) + "_";
    if (!f.has(p + "name")) break;
    d.data_sources.push_back({f.get(p + "name"), f.get(p + "description"), f.get(p + "origin"), f.get(p + "collection"),
                              f.get(p + "url")});
  }
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    std::string p = "assessment_" + std::to_string(i) + "_";
    if (!f.has(p + "type")) break;
    d.impact_assessments.push_back({f.get(p + "type"), f.get(p + "summary"), f.get(p + "url"), f.get(p + "date")});
  }
  for (const auto& c : rubric().criteria) {
    std::string p = std::string("evidence_") + c.id + "_";
    if (!f.has(p + "url")) continue;
    d.evidence.push_back({c.id, f.get(p + "level"), f.get(p + "url"), f.get(p + "checked_on"), f.get(p + "note"),
                          f.get(p + "to_verify") == "1"});
  }
  return d;
}

std::string axis_text(const Context& ctx, int points) {
  return fmt::format("{}/50 — {}", points, ctx.tr(band_label(band(points))));
}

Html score_summary(const Context& ctx, const Score& s) {
  std::string version = fmt::format(fmt::runtime(ctx.tr(N_("Computed from the evidence with rubric version {}."))),
                                    s.rubric_version);
  if (s.rubric_version != rubric().version)
    version += " " + fmt::format(fmt::runtime(ctx.tr(N_("The rubric in force is version {}."))), rubric().version);
  return render(R"(<dl class="facts"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}/100</dd></dl><p class="meta">{} <a href="/observatoire#methode">{}</a></p>)",
                ctx.tr(N_("Openness")), axis_text(ctx, s.openness), ctx.tr(N_("Explainability")),
                axis_text(ctx, s.explainability), ctx.tr(N_("Total")), s.total(), version,
                ctx.tr(N_("How the score is computed")));
}

std::string choice_text(const Context& ctx, std::string_view key, std::string_view value) {
  if (value.empty()) return {};
  const char* label = choice_label(key, value);
  return label ? ctx.tr(label) : std::string(value);
}

std::string criterion_label(const Context& ctx, std::string_view id) {
  const CriterionDef* c = rubric().criterion(id);
  return c ? ctx.tr(c->label) : std::string(id);
}

}  // namespace fabrique::observatoire::views
