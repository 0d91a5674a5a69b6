// Serialising observatory documents, entries and scores with Boost.JSON.
#include "observatoire/json.hpp"

#include <date/date.h>

#include <boost/json/monotonic_resource.hpp>
#include <sstream>

#include "observatoire/rubric.hpp"
#include "observatoire/urls.hpp"

namespace fabrique::observatoire::json {

namespace bj = boost::json;

namespace {

std::string str(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) return {};
  return std::string(it->value().as_string());
}

}  // namespace

std::optional<sys_seconds> parse_iso(std::string_view s) {
  std::istringstream in{std::string(s)};
  sys_seconds t;
  in >> date::parse("%FT%TZ", t);
  if (in.fail()) return std::nullopt;
  return t;
}

namespace {

// `d`'s fields added to `o`, every value on `o`'s storage.
void add_document(const Document& d, bj::object& o) {
  const bj::storage_ptr& sp = o.storage();
  o.reserve(o.size() + fields().size() + 3);
  for (const auto& f : fields()) {
    auto it = d.fields.find(f.key);
    o.emplace(f.key, it == d.fields.end() ? bj::string_view() : bj::string_view(it->second));
  }
  bj::array sources(sp);
  for (const auto& s : d.data_sources)
    sources.push_back(bj::object({{"name", s.name},
                                  {"description", s.description},
                                  {"origin", s.origin},
                                  {"collection", s.collection},
                                  {"url", s.url}},
                                 sp));
  o["data_sources"] = std::move(sources);
  bj::array assessments(sp);
  for (const auto& a : d.impact_assessments)
    assessments.push_back(bj::object({{"type", a.type}, {"summary", a.summary}, {"url", a.url}, {"date", a.date}}, sp));
  o["impact_assessments"] = std::move(assessments);
  bj::array evidence(sp);
  for (const auto& e : d.evidence)
    evidence.push_back(bj::object({{"criterion", e.criterion},
                                   {"level", e.level},
                                   {"url", e.url},
                                   {"checked_on", e.checked_on},
                                   {"note", e.note},
                                   {"to_verify", e.to_verify}},
                                  sp));
  o["evidence"] = std::move(evidence);
}

}  // namespace

bj::object document(const Document& d) {
  bj::object o;
  add_document(d, o);
  return o;
}

std::optional<Document> parse_document(const bj::value& v) {
  if (!v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  Document d;
  for (const auto& f : fields()) {
    auto it = o.find(f.key);
    if (it == o.end() || it->value().is_null()) continue;
    if (!it->value().is_string()) return std::nullopt;
    if (!it->value().as_string().empty()) d.fields[f.key] = std::string(it->value().as_string());
  }
  auto list = [&](std::string_view key) -> const bj::array* {
    auto it = o.find(key);
    return it != o.end() && it->value().is_array() ? &it->value().as_array() : nullptr;
  };
  if (const auto* a = list("data_sources"))
    for (const auto& item : *a) {
      if (!item.is_object()) return std::nullopt;
      const auto& i = item.as_object();
      d.data_sources.push_back(
          {str(i, "name"), str(i, "description"), str(i, "origin"), str(i, "collection"), str(i, "url")});
    }
  if (const auto* a = list("impact_assessments"))
    for (const auto& item : *a) {
      if (!item.is_object()) return std::nullopt;
      const auto& i = item.as_object();
      d.impact_assessments.push_back({str(i, "type"), str(i, "summary"), str(i, "url"), str(i, "date")});
    }
  if (const auto* a = list("evidence"))
    for (const auto& item : *a) {
      if (!item.is_object()) return std::nullopt;
      const auto& i = item.as_object();
      auto tv = i.find("to_verify");
      d.evidence.push_back({str(i, "criterion"), str(i, "level"), str(i, "url"), str(i, "checked_on"), str(i, "note"),
                            tv != i.end() && tv->value().is_bool() && tv->value().as_bool()});
    }
  return d;
}

std::string serialize(const Document& d) { return bj::serialize(document(d)); }

std::optional<Document> parse_document(std::string_view text) {
  // The parsed tree lives only as long as this call: on a buffer here, freed at once, instead of a
  // node allocated and freed for each value (a fifth of a public body's JSON, read from 100 revisions).
  unsigned char buffer[8192];
  bj::monotonic_resource mr(buffer, sizeof buffer);
  boost::system::error_code ec;
  auto v = bj::parse(text, ec, &mr);
  if (ec) return std::nullopt;
  return parse_document(v);
}

bj::object score(const Score& s, bj::storage_ptr sp) {
  bj::object o(sp);
  o["rubric_version"] = s.rubric_version;
  o["openness"] = s.openness;
  o["openness_band"] = band_key(band(s.openness));
  o["explainability"] = s.explainability;
  o["explainability_band"] = band_key(band(s.explainability));
  o["total"] = s.total();
  bj::object criteria(sp);
  for (const auto& c : s.criteria) criteria[c.criterion] = c.points;
  o["criteria"] = std::move(criteria);
  return o;
}

std::optional<Score> parse_score(std::string_view text) {
  unsigned char buffer[2048];  // as in parse_document
  bj::monotonic_resource mr(buffer, sizeof buffer);
  boost::system::error_code ec;
  auto v = bj::parse(text, ec, &mr);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  Score s;
  try {
    s.rubric_version = static_cast<int>(o.at("rubric_version").to_number<std::int64_t>());
    s.openness = static_cast<int>(o.at("openness").to_number<std::int64_t>());
    s.explainability = static_cast<int>(o.at("explainability").to_number<std::int64_t>());
    for (const auto& kv : o.at("criteria").as_object())
      s.criteria.push_back({std::string(kv.key()), static_cast<int>(kv.value().to_number<std::int64_t>())});
  } catch (const std::exception&) {
    return std::nullopt;
  }
  return s;
}

bj::object entry(const Entry& e, const std::string& base_url, bj::storage_ptr sp) {
  bj::object o(std::move(sp));
  o["id"] = e.uuid;
  o["schema_version"] = kSchemaVersion;
  o["language"] = "fr";
  o["slug"] = e.slug;
  o["url"] = base_url + urls::entry(e.slug);
  o["published"] = iso(e.published_at);
  o["updated"] = iso(e.updated_at);
  o["revision"] = e.revision;
  add_document(e.doc, o);
  o["score"] = score(e.score, o.storage());
  return o;
}

}  // namespace fabrique::observatoire::json
