// An entry's document as the fields of its form, and back.
#include "observatoire/form_fields.hpp"

#include "observatoire/rubric.hpp"

namespace fabrique::observatoire {

namespace {

constexpr const char* kSourceParts[] = {"name", "description", "origin", "collection", "url"};
constexpr const char* kAssessmentParts[] = {"type", "summary", "url", "date"};
constexpr const char* kEvidenceParts[] = {"level", "url", "checked_on", "note", "to_verify"};

std::string row_prefix(const char* list, std::size_t i) { return std::string(list) + "_" + std::to_string(i) + "_"; }
std::string evidence_prefix(std::string_view criterion) { return "evidence_" + std::string(criterion) + "_"; }

}  // namespace

const std::vector<std::string>& form_field_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& f : fields()) out.emplace_back(f.key);
    for (std::size_t i = 0; i < kMaxListItems; ++i)
      for (const char* part : kSourceParts) out.push_back(row_prefix("source", i) + part);
    for (std::size_t i = 0; i < kMaxListItems; ++i)
      for (const char* part : kAssessmentParts) out.push_back(row_prefix("assessment", i) + part);
    for (const auto& c : rubric().criteria)
      for (const char* part : kEvidenceParts) out.push_back(evidence_prefix(c.id) + part);
    return out;
  }();
  return names;
}

std::string correction_item(std::string_view name) {
  if (name.starts_with("source_")) return "data_sources";
  if (name.starts_with("assessment_")) return "impact_assessments";
  if (name.starts_with("evidence_")) {
    std::string_view rest = name.substr(9);
    for (std::string_view part : kEvidenceParts)
      if (rest.ends_with("_" + std::string(part))) return std::string(rest.substr(0, rest.size() - part.size() - 1));
  }
  return std::string(name);
}

text::Fields changed_fields(const text::Fields& before, const text::Fields& after) {
  text::Fields out;
  for (const auto& [name, value] : after) {
    auto it = before.find(name);
    if (it == before.end() ? !value.empty() : it->second != value) out[name] = value;
  }
  return out;
}

text::Fields form_fields(const Document& doc) {
  text::Fields out;
  for (const auto& name : form_field_names()) out[name];
  for (const auto& [key, value] : doc.fields)
    if (field(key)) out[key] = value;
  for (std::size_t i = 0; i < doc.data_sources.size() && i < kMaxListItems; ++i) {
    const auto& s = doc.data_sources[i];
    const std::string p = row_prefix("source", i);
    out[p + "name"] = s.name;
    out[p + "description"] = s.description;
    out[p + "origin"] = s.origin;
    out[p + "collection"] = s.collection;
    out[p + "url"] = s.url;
  }
  for (std::size_t i = 0; i < doc.impact_assessments.size() && i < kMaxListItems; ++i) {
    const auto& a = doc.impact_assessments[i];
    const std::string p = row_prefix("assessment", i);
    out[p + "type"] = a.type;
    out[p + "summary"] = a.summary;
    out[p + "url"] = a.url;
    out[p + "date"] = a.date;
  }
  for (const auto& e : doc.evidence) {
    if (!rubric().criterion(e.criterion)) continue;
    const std::string p = evidence_prefix(e.criterion);
    out[p + "level"] = e.level;
    out[p + "url"] = e.url;
    out[p + "checked_on"] = e.checked_on;
    out[p + "note"] = e.note;
    out[p + "to_verify"] = e.to_verify ? "1" : "";
  }
  return out;
}

Document document_of(const text::Fields& f) {
  auto at = [&](const std::string& name) {
    auto it = f.find(name);
    return it == f.end() ? std::string() : it->second;
  };
  Document d;
  for (const auto& def : fields())
    if (auto it = f.find(def.key); it != f.end() && !it->second.empty()) d.fields[def.key] = it->second;
  // Rows up to the last one given, empty ones between kept: a row keeps its place, and its name.
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    const std::string p = row_prefix("source", i);
    DataSource s{at(p + "name"), at(p + "description"), at(p + "origin"), at(p + "collection"), at(p + "url")};
    if (s == DataSource{}) continue;
    d.data_sources.resize(i);
    d.data_sources.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < kMaxListItems; ++i) {
    const std::string p = row_prefix("assessment", i);
    ImpactAssessment a{at(p + "type"), at(p + "summary"), at(p + "url"), at(p + "date")};
    // The type has a default in the form: a row is empty when nothing else is given.
    if (a.summary.empty() && a.url.empty() && a.date.empty()) continue;
    d.impact_assessments.resize(i, ImpactAssessment{.type = "dpia"});
    d.impact_assessments.push_back(std::move(a));
  }
  for (const auto& c : rubric().criteria) {
    const std::string p = evidence_prefix(c.id);
    Evidence e{c.id, at(p + "level"), at(p + "url"), at(p + "checked_on"), at(p + "note"), at(p + "to_verify") == "1"};
    if (!e.level.empty() || !e.url.empty() || !e.checked_on.empty() || !e.note.empty() || e.to_verify)
      d.evidence.push_back(std::move(e));
  }
  return d;
}

}  // namespace fabrique::observatoire
