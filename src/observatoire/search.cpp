// What the site-wide search (src/search) indexes for an observatory entry.
#include "observatoire/use_cases.hpp"

namespace fabrique::observatoire {

Searchable searchable(const Entry& e) {
  Searchable s;
  s.title = e.name();
  s.url = "/observatoire/" + e.slug;
  // The words people look for: the body, the summary, then the longer texts.
  for (const char* key : {"organisation", "summary", "theme", "purpose", "decision_role", "affected_public",
                          "legal_basis", "technical_description", "parameters", "risks", "supplier"}) {
    std::string v = e.doc.get(key);
    if (!v.empty()) s.text += (s.text.empty() ? "" : "\n") + v;
  }
  for (const auto& d : e.doc.data_sources) s.text += "\n" + d.name + " " + d.description;
  return s;
}

}  // namespace fabrique::observatoire
