// Keeps a coalition's entry in the search index (its title, summary and booklet) current: called by
// every use case that changes them, inside its transaction.
#include "coalitions/store.hpp"
#include "coalitions/urls.hpp"
#include "coalitions/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::coalitions {

void index_booklet(storage::Connection& c, std::string_view slug) {
  auto k = store::by_slug(c, slug);
  if (!k) return;
  Booklet booklet = store::current_booklet(c, k->id);
  std::string body = k->summary;
  for (const auto& s : kSections)
    if (auto it = booklet.find(s.key); it != booklet.end() && !it->second.empty()) body += "\n\n" + it->second;
  search::index(c, {"booklet", k->slug, "Coalition " + k->number + " — " + k->title, body, urls::coalition(k->slug),
                    search::Audience::everyone, std::nullopt, std::nullopt, k->updated_at});
}

}  // namespace fabrique::coalitions
