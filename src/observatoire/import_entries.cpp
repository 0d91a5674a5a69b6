// Use case: `fabrique observatoire import FILE` reads an export of /observatoire.json and reproduces
// its entries and their scores (computed again from the evidence), all or nothing.
#include <boost/json.hpp>

#include "observatoire/json.hpp"
#include "observatoire/rubric.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "observatoire/validation.hpp"
#include "observatoire/write_entry.hpp"

namespace fabrique::observatoire {

namespace bj = boost::json;

namespace {

std::string text_of(const bj::object& o, std::string_view key) {
  auto it = o.find(key);
  return it != o.end() && it->value().is_string() ? std::string(it->value().as_string()) : std::string();
}

std::string import_error(int number, std::string_view slug, std::string_view why) {
  return "entry " + std::to_string(number) + (slug.empty() ? "" : " (" + std::string(slug) + ")") + ": " +
         std::string(why);
}

}  // namespace

std::optional<std::vector<ImportedEntry>> parse_import(std::string_view json_text, sys_seconds now) {
  boost::system::error_code ec;
  bj::value root = bj::parse(json_text, ec);
  const bj::array* items = nullptr;
  if (!ec && root.is_object() && root.as_object().contains("entries") && root.as_object().at("entries").is_array())
    items = &root.as_object().at("entries").as_array();
  else if (!ec && root.is_array())
    items = &root.as_array();
  if (!items) return std::nullopt;
  std::vector<ImportedEntry> out;
  for (const auto& item : *items) {
    ImportedEntry& entry = out.emplace_back();
    entry.number = static_cast<int>(out.size());
    auto fail = [&](const std::string& why) {
      std::string slug = item.is_object() ? text_of(item.as_object(), "slug") : "";
      entry.error = import_error(entry.number, slug, why);
    };
    auto doc = json::parse_document(item);
    if (!doc) {
      fail("not an entry object");
      continue;
    }
    const auto& o = item.as_object();
    FieldErrors errors;
    entry.doc = validate_document(*doc, errors, now);
    if (!errors.empty()) {
      fail(errors.items().front().first + ": " + errors.items().front().second);
      continue;
    }
    entry.uuid = text_of(o, "id");
    entry.slug = text_of(o, "slug");
    auto published = json::parse_iso(text_of(o, "published")), updated = json::parse_iso(text_of(o, "updated"));
    if (entry.uuid.empty() || entry.slug.empty() || !published || !updated) {
      fail("id, slug, published and updated are required");
      continue;
    }
    entry.published = *published;
    entry.updated = *updated;
    // The score the export claims must be the one its evidence gives under the same rubric.
    if (auto s = o.find("score"); s != o.end()) {
      auto claimed = json::parse_score(bj::serialize(s->value()));
      Score computed = compute_score(rubric(), entry.doc.evidence);
      if (claimed && claimed->rubric_version == computed.rubric_version &&
          (claimed->openness != computed.openness || claimed->explainability != computed.explainability)) {
        fail("its score does not match its evidence");
        continue;
      }
    }
  }
  return out;
}

ImportResult import_entries(storage::Connection& c, std::string_view json_text, sys_seconds now) {
  ImportResult out;
  auto entries = parse_import(json_text, now);
  if (!entries) {
    out.errors.push_back("the file is not an export of /observatoire.json (an object with an \"entries\" list)");
    return out;
  }
  storage::Transaction tx(c, true);
  for (const ImportedEntry& entry : *entries) {
    if (!entry.error.empty()) {
      out.errors.push_back(entry.error);
      continue;
    }
    WriteOptions w{std::nullopt, "import", "Imported", now, entry.uuid, entry.slug, entry.published, entry.updated};
    if (auto existing = store::by_uuid(c, entry.uuid)) {
      if (existing->doc == entry.doc) {
        ++out.unchanged;
        continue;
      }
      write_entry(c, &*existing, entry.doc, w);
      ++out.updated;
    } else {
      if (store::slug_taken(c, entry.slug)) {
        out.errors.push_back(
            import_error(entry.number, entry.slug, "another entry already has the address " + entry.slug));
        continue;
      }
      write_entry(c, nullptr, entry.doc, w);
      ++out.created;
    }
  }
  if (!out.errors.empty()) return out;  // rolled back: nothing written
  // Changes made outside the site must also reach the pages cached for visitors (http/page_cache.hpp).
  if (out.created + out.updated > 0) storage::record_change_of_everything(c);
  tx.commit();
  return out;
}

}  // namespace fabrique::observatoire
