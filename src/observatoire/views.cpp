// What the observatory templates call to show a value, and the entry form read back.
#include "observatoire/views.hpp"

#include <date/date.h>

#include <algorithm>
#include <charconv>
#include <map>

#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/evidence.hpp"
#include "observatoire/form_fields.hpp"
#include "observatoire/rubric.hpp"

namespace fabrique::observatoire::views {

std::string today(sys_seconds now) { return date::format("%F", std::chrono::floor<std::chrono::days>(now)); }

Document document_from_form(const Context& ctx) {
  text::Fields sent;
  for (const auto& name : form_field_names())
    if (ctx.form.has(name)) sent[name] = ctx.form.get(name);
  Document d = document_of(sent);
  for (auto& e : d.evidence)
    if (!text::trim(e.url).empty() && text::trim(e.checked_on).empty()) e.checked_on = today(ctx.now);
  return d;
}

EvidenceForm evidence_form(const Context& ctx, Document& doc, FieldErrors& errors, bool preview) {
  EvidenceForm out;
  std::map<std::string, std::string> declined;
  for (const auto& c : rubric().criteria)
    if (std::string url = ctx.form.get(std::string("evidence_") + c.id + "_offered"); !url.empty())
      declined[c.id] = url;
  out.filled = offer_evidence(doc, declined, today(ctx.now));
  for (const auto& c : rubric().criteria) {
    std::string url = evidence_offer(doc, c.id).url;
    auto it = declined.find(c.id);
    if (!url.empty() && (out.was_filled(c.id) || (it != declined.end() && it->second == url))) out.offers[c.id] = url;
  }
  if (preview) preview_into(out, *ctx.t, doc, errors, ctx.now);
  return out;
}

void preview_into(EvidenceForm& out, const i18n::Translator& t, const Document& doc, FieldErrors& errors,
                  sys_seconds now) {
  out.preview = true;
  out.score = preview_score(doc, errors, now);
  out.rows.clear();
  for (const auto& c : rubric().criteria) {
    EvidenceForm::Row row{c.id, t.tr(c.label), out.score.points(c.id), c.max_points, {}};
    const Evidence* e = doc.evidence_for(c.id);
    if (row.points > 0) {
      std::string level = level_text(t, *e);
      row.why = level.empty() ? text::trim(e->url) : level + " — " + text::trim(e->url);
    } else if (evidence_refused(errors, c.id)) {
      row.why = t.tr(i18n::N_("The evidence is refused: see the message beside the criterion."));
    } else {
      row.why = t.tr(i18n::N_("No evidence given."));
    }
    out.rows.push_back(std::move(row));
  }
}

std::string level_text(const i18n::Translator& t, const Evidence& e) {
  const CriterionDef* c = rubric().criterion(e.criterion);
  if (!c || c->levels.size() < 2) return {};
  for (const auto& l : c->levels)
    if (e.level == l.key) return t.tr(l.label);
  return e.level;
}

std::string offer_source(const i18n::Translator& t, const Document& doc, std::string_view criterion) {
  std::string key = evidence_offer(doc, criterion).field;
  if (key == "impact_assessments") return t.tr(i18n::N_("Impact assessment"));
  const FieldDef* f = field(key);
  return f ? t.tr(f->label) : key;
}

namespace {

// A name of the entry form's lists or evidence, "source_1_url": its list, its row or criterion, its part.
struct FormName {
  std::string list, item, part;
};
std::optional<FormName> split_name(std::string_view name) {
  for (std::string_view list : {"source", "assessment", "evidence"}) {
    if (!name.starts_with(std::string(list) + "_")) continue;
    std::string_view rest = name.substr(list.size() + 1);
    if (list == "evidence")
      for (std::string_view part : {"level", "url", "checked_on", "note", "to_verify"})
        if (rest.ends_with("_" + std::string(part)))
          return FormName{std::string(list), std::string(rest.substr(0, rest.size() - part.size() - 1)),
                          std::string(part)};
    auto us = rest.find('_');
    if (list != "evidence" && us != std::string_view::npos)
      return FormName{std::string(list), std::string(rest.substr(0, us)), std::string(rest.substr(us + 1))};
  }
  return std::nullopt;
}

}  // namespace

std::string form_field_label(const i18n::Translator& t, std::string_view name) {
  using i18n::N_;
  if (const FieldDef* f = field(name)) return t.tr(f->label);
  auto n = split_name(name);
  if (!n) return std::string(name);
  static const std::map<std::string, const char*> kParts = {{"source_name", N_("Name")},
                                                            {"source_description", N_("Description")},
                                                            {"source_origin", N_("Origin")},
                                                            {"source_collection", N_("How it is collected")},
                                                            {"source_url", N_("Web address")},
                                                            {"assessment_type", N_("Type")},
                                                            {"assessment_summary", N_("Summary")},
                                                            {"assessment_url", N_("Web address")},
                                                            {"assessment_date", N_("Date (yyyy-mm-dd)")},
                                                            {"evidence_level", N_("Level")},
                                                            {"evidence_url", N_("Evidence (public web address)")},
                                                            {"evidence_checked_on", N_("Checked on (yyyy-mm-dd)")},
                                                            {"evidence_note", N_("Quote from the evidence, or a note")},
                                                            {"evidence_to_verify", N_("Secondary source: to verify")}};
  auto it = kParts.find(n->list + "_" + n->part);
  const std::string part = it == kParts.end() ? n->part : t.tr(it->second);
  std::string item;
  if (n->list == "evidence") {
    item = fmt::format(fmt::runtime(t.tr(N_("Criterion {}"))), n->item);
  } else {
    std::size_t i = 0;
    std::from_chars(n->item.data(), n->item.data() + n->item.size(), i);
    const char* row = n->list == "source" ? N_("Data source {}") : N_("Impact assessment {}");
    item = fmt::format(fmt::runtime(t.tr(row)), i + 1);
  }
  return item + " — " + part;
}

std::optional<std::string> form_field_choice(const i18n::Translator& t, std::string_view name, std::string_view value) {
  if (const FieldDef* f = field(name)) {
    if (f->kind != Kind::choice) return std::nullopt;
    return choice_text(t, name, value);
  }
  auto n = split_name(name);
  if (!n) return std::nullopt;
  if (n->list == "evidence" && n->part == "level")
    return value.empty() ? std::string() : level_text(t, Evidence{.criterion = n->item, .level = std::string(value)});
  if (n->list == "evidence" && n->part == "to_verify") {
    const char* answer = value == "1" ? i18n::N_("Yes") : i18n::N_("No");
    return t.tr(answer);
  }
  if (n->list == "assessment" && n->part == "type") {
    for (const auto& c : kAssessmentTypes)
      if (value == c.value) return t.tr(c.label);
    return std::string(value);
  }
  return std::nullopt;
}

std::string axis_text(const i18n::Translator& t, int points) {
  return fmt::format("{}/50 — {}", points, t.tr(band_label(band(points))));
}

std::string choice_text(const i18n::Translator& t, std::string_view key, std::string_view value) {
  if (value.empty()) return {};
  const char* label = choice_label(key, value);
  return label ? t.tr(label) : std::string(value);
}

std::string criterion_label(const i18n::Translator& t, std::string_view id) {
  const CriterionDef* c = rubric().criterion(id);
  return c ? t.tr(c->label) : std::string(id);
}

std::vector<fabrique::views::Option> choice_options(const i18n::Translator& t, const std::vector<ChoiceDef>& choices) {
  std::vector<fabrique::views::Option> out;
  for (const auto& c : choices) out.push_back({c.value, t.tr(c.label)});
  return out;
}

std::vector<fabrique::views::Option> level_options(const i18n::Translator& t, const CriterionDef& c) {
  std::vector<fabrique::views::Option> out;
  for (const auto& l : c.levels)
    out.push_back({l.key, fmt::format(fmt::runtime(t.trn("{} ({} point)", "{} ({} points)", l.points)), t.tr(l.label),
                                      l.points)});
  return out;
}

std::vector<fabrique::views::Option> criteria_level_options(const i18n::Translator& t) {
  std::vector<fabrique::views::Option> out;
  for (const auto& c : rubric().criteria)
    if (c.levels.size() > 1)
      for (const auto& l : c.levels) out.push_back({l.key, std::string(c.id) + " — " + t.tr(l.label)});
  return out;
}

std::string contribution_subject(const i18n::Translator& t, const Contribution& k) {
  switch (k.kind) {
    case ContributionKind::entry:
      return fmt::format(fmt::runtime(t.tr(i18n::N_("New entry “{}”"))), k.target);
    case ContributionKind::evidence:
      return k.target + " — " + criterion_label(t, k.target);
    case ContributionKind::correction:
      return t.tr(i18n::N_("Correction of the entry"));
    case ContributionKind::field:
      break;
  }
  const FieldDef* f = field(k.target);
  return f ? t.tr(f->label) : k.target;
}

const char* status_label(ContributionStatus s) {
  switch (s) {
    case ContributionStatus::accepted:
      return i18n::N_("accepted");
    case ContributionStatus::rejected:
      return i18n::N_("rejected");
    case ContributionStatus::pending:
      break;
  }
  return i18n::N_("waiting for moderation");
}

std::vector<std::size_t> form_rows(std::size_t filled) {
  std::vector<std::size_t> rows(std::min(filled + kBlankRows, kMaxListItems));
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = i;
  return rows;
}

}  // namespace fabrique::observatoire::views
