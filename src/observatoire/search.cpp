// What the site-wide search (src/search) indexes for an observatory entry.
#include "search/search.hpp"

#include "observatoire/urls.hpp"
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

Searchable searchable(const Entry& e) {
  Searchable s;
  s.title = e.name();
  s.url = urls::entry(e.slug);
  // The words people look for: the body, the summary, then the longer texts.
  for (const char* key : {"organisation", "summary", "theme", "purpose", "decision_role", "affected_public",
                          "legal_basis", "technical_description", "parameters", "risks", "supplier"}) {
    std::string v = e.doc.get(key);
    if (!v.empty()) s.text += (s.text.empty() ? "" : "\n") + v;
  }
  for (const auto& d : e.doc.data_sources) s.text += "\n" + d.name + " " + d.description;
  return s;
}

void index_entry(storage::Connection& c, const Entry& e) {
  // The register is public: every entry is found by everyone.
  Searchable s = searchable(e);
  search::index(c, {"algorithm", e.slug, s.title, s.text, s.url, search::Audience::everyone, std::nullopt, std::nullopt,
                    e.updated_at});
}

}  // namespace fabrique::observatoire
