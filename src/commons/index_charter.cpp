// The charter's entries in the search index: the current (adopted) text, and the version in progress.
#include "commons/index_charter.hpp"

#include <fmt/core.h>

#include "commons/urls.hpp"
#include "search/search.hpp"

namespace fabrique::commons {

void index_charter(storage::Connection& c, const CharterVersion& v) {
  std::string body = v.summary;
  for (const auto& s : kCharterSections)
    if (auto it = v.sections.find(s.key); it != v.sections.end()) body += "\n\n" + it->second;
  const std::string version_ref = fmt::format("v{}", v.number);
  const std::string title =
      "Charte, version " + std::to_string(v.number) + (v.label.empty() ? "" : " (" + v.label + ")");
  if (v.adopted()) {
    search::remove(c, "charter", version_ref);
    search::index(c, {"charter", "charte", title, body, urls::charter(), search::Audience::everyone, std::nullopt,
                      std::nullopt, v.updated_at});
  } else {
    // No owner and no coalition: a draft is seen by the animateurs only.
    search::index(c, {"charter", version_ref, title, body, urls::charter_version(v.number),
                      v.opens_at ? search::Audience::everyone : search::Audience::editors, std::nullopt, std::nullopt,
                      v.updated_at});
  }
}

}  // namespace fabrique::commons
