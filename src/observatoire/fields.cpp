// The fields of a register entry (REGISTERS.md section A), the checks of what people type, and where
// the entry form asks each criterion's evidence.
#include <charconv>

#include "common/text.hpp"
#include "observatoire/evidence.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/validation.hpp"

namespace fabrique::observatoire {

using i18n::N_;

const std::vector<FieldDef>& fields() {
  static const std::vector<FieldDef> kFields = {
      // identification
      {"name", "identification", N_("Name"), Kind::text, true, 100, {}},
      {"summary", "identification", N_("Plain-language summary"), Kind::longtext, true, 350, {}},
      {"organisation", "identification", N_("Public body"), Kind::text, true, 200, {}},
      {"organisation_siren", "identification", N_("SIREN of the public body"), Kind::siren, true, 9, {}},
      {"team", "identification", N_("Team or responsible owner"), Kind::text, false, 200, {}},
      {"contact", "identification", N_("Contact (e-mail or web address)"), Kind::contact, true, 300, {}},
      {"status",
       "identification",
       N_("Status"),
       Kind::choice,
       true,
       0,
       {{"in-development", N_("In development")}, {"in-use", N_("In use")}, {"retired", N_("Retired")}}},
      {"start_date", "identification", N_("Start (yyyy-mm)"), Kind::month, false, 7, {}},
      {"end_date", "identification", N_("End (yyyy-mm)"), Kind::month, false, 7, {}},
      {"theme", "identification", N_("Theme"), Kind::text, false, 100, {}},
      {"territory", "identification", N_("Territory (official COG code)"), Kind::cog, false, 5, {}},
      {"category",
       "identification",
       N_("Category"),
       Kind::choice,
       true,
       0,
       {{"high-risk-ai", N_("High-risk AI system")}, {"impactful", N_("Impactful algorithm")}, {"other", N_("Other")}}},
      {"public_page_url", "identification", N_("Public page"), Kind::url, false, 500, {}},
      // purpose and decision
      {"purpose", "purpose", N_("Purpose and impact"), Kind::longtext, true, 5000, {}},
      {"decision_role", "purpose", N_("Role in the decision"), Kind::longtext, true, 2000, {}},
      {"automation",
       "purpose",
       N_("Level of automation"),
       Kind::choice,
       true,
       0,
       {{"fully-automated", N_("Fully automated decision")}, {"decision-support", N_("Decision support")}}},
      {"decisions_per_year", "purpose", N_("Decisions per year"), Kind::integer, false, 12, {}},
      {"affected_public", "purpose", N_("Affected public"), Kind::longtext, true, 2000, {}},
      {"legal_basis", "purpose", N_("Legal basis"), Kind::longtext, true, 2000, {}},
      {"legal_basis_url", "purpose", N_("Link to the legal basis"), Kind::url, true, 500, {}},
      {"alternatives", "purpose", N_("Alternatives considered"), Kind::longtext, false, 2000, {}},
      {"human_oversight", "purpose", N_("Human oversight"), Kind::longtext, true, 2000, {}},
      {"appeal", "purpose", N_("Appeal route"), Kind::longtext, true, 2000, {}},
      {"explicit_mention",
       "purpose",
       N_("Explicit mention on decisions"),
       Kind::choice,
       true,
       0,
       {{"yes", N_("Yes")}, {"no", N_("No")}}},
      {"explicit_mention_url", "purpose", N_("Evidence of the explicit mention"), Kind::url, false, 500, {}},
      // data and technique
      {"personal_data",
       "data",
       N_("Personal data"),
       Kind::choice,
       false,
       0,
       {{"identified", N_("Identified")}, {"pseudonymised", N_("Pseudonymised")}, {"none", N_("None")}}},
      {"processing_record_url", "data", N_("Record of processing"), Kind::url, false, 500, {}},
      {"algorithm_type",
       "data",
       N_("Type of algorithm"),
       Kind::choice,
       true,
       0,
       {{"rules", N_("Rules")}, {"machine-learning", N_("Machine learning")}, {"hybrid", N_("Hybrid")}}},
      {"technical_description", "data", N_("Technical description"), Kind::longtext, true, 5000, {}},
      {"parameters", "data", N_("Parameters and weights"), Kind::longtext, false, 5000, {}},
      {"performance_monitoring", "data", N_("Performance monitoring"), Kind::longtext, false, 2000, {}},
      {"source_code_url", "data", N_("Source code"), Kind::url, false, 500, {}},
      {"licence", "data", N_("Licence (SPDX identifier)"), Kind::text, false, 60, {}},
      {"supplier", "data", N_("Supplier"), Kind::text, false, 200, {}},
      {"supplier_siren", "data", N_("SIREN of the supplier"), Kind::siren, false, 9, {}},
      // risk, cost, evaluation
      {"risks", "risk", N_("Risks and mitigations"), Kind::longtext, true, 5000, {}},
      {"eu_database_url", "risk", N_("Entry in the EU database"), Kind::url, false, 500, {}},
      {"budget", "risk", N_("Budget"), Kind::text, false, 300, {}},
      {"evaluation_url", "risk", N_("Evaluation"), Kind::url, false, 500, {}},
      {"review_due", "risk", N_("Next review (yyyy-mm-dd)"), Kind::date, false, 10, {}},
  };
  return kFields;
}

const FieldDef* field(std::string_view key) {
  for (const auto& f : fields())
    if (key == f.key) return &f;
  return nullptr;
}

const char* choice_label(std::string_view key, std::string_view value) {
  if (const FieldDef* f = field(key))
    for (const auto& c : f->choices)
      if (value == c.value) return c.label;
  for (const auto& c : kAssessmentTypes)
    if (key == "assessment_type" && value == c.value) return c.label;
  return nullptr;
}

bool siren_valid(std::string_view siren) {
  if (siren.size() != 9) return false;
  int sum = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    char ch = siren[8 - i];
    if (ch < '0' || ch > '9') return false;
    int d = ch - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;  // every second digit from the right, doubled
    sum += d;
  }
  return sum % 10 == 0;
}

namespace {

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

bool parse_month(std::string_view s) {
  if (s.size() != 7 || s[4] != '-' || !digits(s.substr(0, 4)) || !digits(s.substr(5, 2))) return false;
  int m = (s[5] - '0') * 10 + (s[6] - '0');
  return m >= 1 && m <= 12;
}

// Codes of the Code officiel géographique: région (2 digits), département (2 digits, 2A, 2B or 3
// digits overseas), commune (5 characters, Corsica with 2A/2B).
bool cog_valid(std::string_view s) {
  if (s.size() != 2 && s.size() != 3 && s.size() != 5) return false;
  std::string_view rest = s;
  if (s.size() >= 2 && s[0] == '2' && (s[1] == 'A' || s[1] == 'B')) rest = s.substr(2);
  return rest.empty() || digits(rest);
}

bool http_url(std::string_view s) { return text::looks_like_web_address(s) && s.size() <= 500; }

// Checks one value against its kind; adds an error under `name`.
void check_value(const FieldDef& f, const std::string& value, const std::string& name, FieldErrors& errors) {
  if (value.empty()) {
    if (f.required) errors.add(name, N_("This field is required."));
    return;
  }
  if (!text::valid_utf8(value, f.kind == Kind::longtext)) {
    errors.add(name, N_("This field contains characters that are not allowed."));
    return;
  }
  if (f.max && text::length(value) > f.max) {
    errors.add(name, f.max <= 100    ? N_("This field is too long (100 characters at most).")
                     : f.max <= 350  ? N_("This field is too long (350 characters at most).")
                     : f.max <= 500  ? N_("This field is too long (500 characters at most).")
                     : f.max <= 2000 ? N_("This field is too long (2,000 characters at most).")
                                     : N_("This field is too long (5,000 characters at most)."));
    return;
  }
  switch (f.kind) {
    case Kind::url:
      if (!http_url(value)) errors.add(name, N_("Give a web address starting with http:// or https://."));
      break;
    case Kind::contact:
      if (!text::looks_like_email(value) && !http_url(value))
        errors.add(name, N_("Give an e-mail address or a web address starting with https://."));
      break;
    case Kind::siren:
      if (!siren_valid(value)) errors.add(name, N_("A SIREN has nine digits and a valid check key."));
      break;
    case Kind::month:
      if (!parse_month(value)) errors.add(name, N_("Write the month as yyyy-mm, for example 2018-01."));
      break;
    case Kind::date: {
      std::chrono::sys_days d;
      if (!parse_day(value, d)) errors.add(name, N_("Write the date as yyyy-mm-dd, for example 2024-03-31."));
      break;
    }
    case Kind::integer:
      if (!digits(value)) errors.add(name, N_("Write a whole number, digits only."));
      break;
    case Kind::cog:
      if (!cog_valid(value)) errors.add(name, N_("Give an official COG code: 75056, 2A004, 44 or 53."));
      break;
    case Kind::choice: {
      bool known = false;
      for (const auto& c : f.choices) known = known || value == c.value;
      if (!known) errors.add(name, N_("Choose a value from the list."));
      break;
    }
    case Kind::text:
    case Kind::longtext:
      break;
  }
}

const FieldDef kItemText{.kind = Kind::text, .max = 300};
const FieldDef kItemLong{.kind = Kind::longtext, .max = 2000};
const FieldDef kItemUrl{.kind = Kind::url, .max = 500};
const FieldDef kItemDate{.kind = Kind::date, .max = 10};

}  // namespace

bool parse_day(std::string_view s, std::chrono::sys_days& out) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  if (!digits(s.substr(0, 4)) || !digits(s.substr(5, 2)) || !digits(s.substr(8, 2))) return false;
  int y = 0;
  unsigned m = 0, d = 0;
  std::from_chars(s.data(), s.data() + 4, y);
  std::from_chars(s.data() + 5, s.data() + 7, m);
  std::from_chars(s.data() + 8, s.data() + 10, d);
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return false;
  out = std::chrono::sys_days{ymd};
  return true;
}

Evidence validate_evidence(const Evidence& in, FieldErrors& errors, sys_seconds now, const std::string& prefix) {
  Evidence e{text::trim(in.criterion),  text::trim(in.level), text::trim(in.url),
             text::trim(in.checked_on), text::trim(in.note),  in.to_verify};
  const CriterionDef* c = rubric().criterion(e.criterion);
  if (!c) {
    errors.add(prefix + "criterion", N_("Choose a criterion of the rubric."));
    return e;
  }
  if (e.level.empty() && c->levels.size() == 1) e.level = c->levels.front().key;
  bool known = false;
  for (const auto& l : c->levels) known = known || e.level == l.key;
  if (e.level.empty())
    errors.add(prefix + "level", N_("Choose the level this evidence shows."));
  else if (!known)
    errors.add(prefix + "level", N_("This level does not exist for this criterion."));
  if (e.url.empty())
    errors.add(prefix + "url", N_("Give the public web address of the evidence."));
  else if (!http_url(e.url))
    errors.add(prefix + "url", N_("Give a web address starting with http:// or https://."));
  std::chrono::sys_days day;
  if (e.checked_on.empty())
    errors.add(prefix + "checked_on", N_("Give the date the evidence was checked."));
  else if (!parse_day(e.checked_on, day))
    errors.add(prefix + "checked_on", N_("Write the date as yyyy-mm-dd, for example 2024-03-31."));
  else if (day > std::chrono::floor<std::chrono::days>(now))
    errors.add(prefix + "checked_on", N_("The date cannot be in the future."));
  if (!text::valid_utf8(e.note) || text::length(e.note) > kMaxNote)
    errors.add(prefix + "note", N_("The quote or note is too long (1,000 characters at most)."));
  return e;
}

std::string validate_field(std::string_view key, std::string_view value, FieldErrors& errors) {
  const FieldDef* f = field(key);
  if (!f) {
    errors.add("target", N_("Choose a field of the entry."));
    return {};
  }
  std::string v = text::trim(value);
  check_value(*f, v, "value", errors);
  return v;
}

std::string validate_source(std::string_view source, FieldErrors& errors, bool required) {
  std::string s = text::trim(source);
  if (s.empty() && required)
    errors.add("source", N_("Give your source: a web address or a precise reference."));
  else if (!text::valid_utf8(s, false) || text::length(s) > kMaxSource)
    errors.add("source", N_("The source is too long (500 characters at most)."));
  return s;
}

Document validate_document(const Document& in, FieldErrors& errors, sys_seconds now) {
  Document out;
  for (const auto& f : fields()) {
    std::string v = text::trim(in.get(f.key));
    check_value(f, v, f.key, errors);
    if (!v.empty()) out.fields[f.key] = v;
  }
  bool high_risk = out.get("category") == "high-risk-ai";
  if (out.get("explicit_mention") == "yes" && out.get("explicit_mention_url").empty())
    errors.add("explicit_mention_url", N_("Give the evidence of the mention (a specimen of a notice or form)."));
  if (high_risk && out.get("eu_database_url").empty())
    errors.add("eu_database_url", N_("A high-risk AI system must give its entry in the EU database."));

  if (in.data_sources.size() > kMaxListItems || in.impact_assessments.size() > kMaxListItems)
    errors.add("source_0_name", N_("Twenty items at most."));
  for (std::size_t i = 0; i < in.data_sources.size() && i < kMaxListItems; ++i) {
    const auto& s = in.data_sources[i];
    DataSource t{text::trim(s.name), text::trim(s.description), text::trim(s.origin), text::trim(s.collection),
                 text::trim(s.url)};
    if (t == DataSource{}) continue;  // an empty row of the form
    std::string p = "source_" + std::to_string(out.data_sources.size()) + "_";
    if (t.name.empty()) errors.add(p + "name", N_("Give the name of this data source."));
    check_value(kItemText, t.name, p + "name", errors);
    check_value(kItemLong, t.description, p + "description", errors);
    check_value(kItemText, t.origin, p + "origin", errors);
    check_value(kItemText, t.collection, p + "collection", errors);
    check_value(kItemUrl, t.url, p + "url", errors);
    out.data_sources.push_back(std::move(t));
  }
  if (out.data_sources.empty()) errors.add("source_0_name", N_("Describe at least one data source."));

  for (std::size_t i = 0; i < in.impact_assessments.size() && i < kMaxListItems; ++i) {
    const auto& a = in.impact_assessments[i];
    ImpactAssessment t{text::trim(a.type), text::trim(a.summary), text::trim(a.url), text::trim(a.date)};
    if (t.summary.empty() && t.url.empty() && t.date.empty()) continue;  // an empty row (type has a default)
    std::string p = "assessment_" + std::to_string(out.impact_assessments.size()) + "_";
    bool known = false;
    for (const auto& c : kAssessmentTypes) known = known || t.type == c.value;
    if (!known) errors.add(p + "type", N_("Choose a value from the list."));
    check_value(kItemLong, t.summary, p + "summary", errors);
    check_value(kItemUrl, t.url, p + "url", errors);
    check_value(kItemDate, t.date, p + "date", errors);
    out.impact_assessments.push_back(std::move(t));
  }
  if (high_risk && out.impact_assessments.empty())
    errors.add("assessment_0_summary", N_("A high-risk AI system must list its impact assessments."));

  for (const auto& e : in.evidence) {
    if (e.level.empty() && e.url.empty() && e.checked_on.empty() && e.note.empty()) continue;  // not recorded
    out.evidence.push_back(validate_evidence(e, errors, now, "evidence_" + e.criterion + "_"));
  }
  // One piece of evidence per criterion, in the rubric's order, so that documents compare equal.
  std::vector<Evidence> ordered;
  for (const auto& c : rubric().criteria)
    for (const auto& e : out.evidence)
      if (e.criterion == c.id) {
        ordered.push_back(e);
        break;
      }
  out.evidence = std::move(ordered);
  return out;
}

// --- Evidence where it is asked (evidence.hpp): where each criterion is asked in the entry form,
// what a person already gave that may stand as its evidence, and the preview of the score.
namespace {

// One criterion's place in the entry form and the field whose web address may be its evidence.
struct CriterionPlacement {
  const char* criterion;
  const char* anchor;  // shown after this field (or list)
  const char* offer;   // "" when no field of the entry can show it
};

// Offers only come from fields that hold a public web address about the very thing the criterion
// asks; a criterion about a text of the entry (E1 summary, O8 risks…) needs a page that publishes it.
constexpr CriterionPlacement kCriterionPlacements[] = {
    {"O1", "public_page_url", ""},
    {"O2", "contact", "contact"},
    {"O3", "legal_basis_url", "legal_basis_url"},
    {"O4", "source_code_url", "source_code_url"},
    {"O5", "licence", "source_code_url"},
    {"O6", "data_sources", ""},
    {"O7", "impact_assessments", "impact_assessments"},
    {"O8", "risks", ""},
    {"O9", "supplier_siren", ""},
    {"O10", "evaluation_url", "evaluation_url"},
    {"O11", "budget", ""},
    {"E1", "summary", ""},
    {"E2", "automation", ""},
    {"E3", "explicit_mention_url", "explicit_mention_url"},
    {"E4", "processing_record_url", ""},
    {"E5", "parameters", ""},
    {"E6", "technical_description", ""},
    {"E7", "appeal", ""},
    {"E8", "public_page_url", ""},
    {"E9", "appeal", ""},
};

const CriterionPlacement* criterion_placement(std::string_view criterion) {
  for (const auto& p : kCriterionPlacements)
    if (criterion == p.criterion) return &p;
  return nullptr;
}

}  // namespace

std::vector<const CriterionDef*> criteria_beside(std::string_view anchor) {
  std::vector<const CriterionDef*> out;
  for (const auto& c : rubric().criteria)
    if (const CriterionPlacement* p = criterion_placement(c.id); p && anchor == p->anchor) out.push_back(&c);
  return out;
}

Offer evidence_offer(const Document& doc, std::string_view criterion) {
  const CriterionPlacement* p = criterion_placement(criterion);
  if (!p || !*p->offer) return {};
  std::string key = p->offer;
  std::string url;
  if (key == "impact_assessments") {
    for (const auto& a : doc.impact_assessments)
      if (!text::trim(a.url).empty()) {
        url = text::trim(a.url);
        break;
      }
  } else if (criterion == "O5" && text::trim(doc.get("licence")).empty()) {
    return {};  // the code's page shows an open licence only when the entry names one
  } else {
    url = text::trim(doc.get(key));
  }
  // An e-mail contact is published somewhere, but it is not a page anyone can check.
  if (!text::looks_like_web_address(url)) return {};
  return {key, url};
}

std::vector<std::string> offer_evidence(Document& doc, const std::map<std::string, std::string>& declined,
                                        const std::string& today) {
  std::vector<std::string> offered;
  for (const auto& c : rubric().criteria) {
    if (const Evidence* e = doc.evidence_for(c.id); e && !text::trim(e->url).empty()) continue;
    Offer o = evidence_offer(doc, c.id);
    if (o.url.empty()) continue;
    if (auto it = declined.find(c.id); it != declined.end() && it->second == o.url) continue;
    std::erase_if(doc.evidence, [&](const Evidence& x) { return x.criterion == c.id; });
    std::string level = c.levels.size() == 1 ? c.levels.front().key : "";
    doc.evidence.push_back({c.id, level, o.url, today, "", false});
    offered.push_back(c.id);
  }
  return offered;
}

bool evidence_refused(const FieldErrors& errors, std::string_view criterion) {
  std::string prefix = "evidence_" + std::string(criterion) + "_";
  for (const auto& [field, message] : errors.items())
    if (field.starts_with(prefix)) return true;
  return false;
}

Score preview_score(const Document& doc, FieldErrors& errors, sys_seconds now) {
  Document clean = validate_document(doc, errors, now);
  std::erase_if(clean.evidence, [&](const Evidence& e) { return evidence_refused(errors, e.criterion); });
  return compute_score(rubric(), clean.evidence);
}

}  // namespace fabrique::observatoire
