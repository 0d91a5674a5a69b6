// What the observatory templates call to show a value, and the entry form read back.
#include "observatoire/views.hpp"

#include <date/date.h>

#include <algorithm>

#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "observatoire/evidence.hpp"
#include "observatoire/rubric.hpp"

namespace fabrique::observatoire::views {

std::string today(sys_seconds now) { return date::format("%F", std::chrono::floor<std::chrono::days>(now)); }

Document document_from_form(const Context& ctx) {
  const auto& f = ctx.form;
  Document d;
  for (const auto& def : fields())
    if (f.has(def.key)) d.fields[def.key] = f.get(def.key);
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    std::string p = "source_" + std::to_string(i) + "_";
    if (!f.has(p + "name")) break;
    d.data_sources.push_back(
        {f.get(p + "name"), f.get(p + "description"), f.get(p + "origin"), f.get(p + "collection"), f.get(p + "url")});
  }
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    std::string p = "assessment_" + std::to_string(i) + "_";
    if (!f.has(p + "type")) break;
    d.impact_assessments.push_back({f.get(p + "type"), f.get(p + "summary"), f.get(p + "url"), f.get(p + "date")});
  }
  for (const auto& c : rubric().criteria) {
    std::string p = std::string("evidence_") + c.id + "_";
    if (!f.has(p + "url")) continue;
    std::string url = f.get(p + "url"), checked_on = f.get(p + "checked_on");
    if (!text::trim(url).empty() && text::trim(checked_on).empty()) checked_on = today(ctx.now);
    d.evidence.push_back({c.id, f.get(p + "level"), url, checked_on, f.get(p + "note"), f.get(p + "to_verify") == "1"});
  }
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
