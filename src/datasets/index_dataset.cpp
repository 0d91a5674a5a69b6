// Who may edit an entry, and its line in the search index: the register is public, so every entry
// is found by everyone.
#include "datasets/store.hpp"
#include "datasets/urls.hpp"
#include "datasets/use_cases.hpp"
#include "organisations/store.hpp"
#include "search/search.hpp"

namespace fabrique::datasets {

bool can_edit(storage::Connection& c, const User* actor, const Dataset& d) {
  return actor && (actor->is_animateur() || organisations::store::is_member(c, actor->id, d.producer_id));
}

void index_dataset(storage::Connection& c, const Dataset& d) {
  std::string body = d.producer_name + "\n\n" + d.description;
  if (!d.keywords.empty()) body += "\n\n" + d.keywords;
  for (const auto& t : d.themes) body += "\n" + t.label;
  search::index(c, {"dataset", d.slug, d.title, body, urls::dataset(d.slug), search::Audience::everyone, std::nullopt,
                    std::nullopt, d.updated_at});
}

std::int64_t reindex_datasets(storage::Connection& c) {
  auto all = store::list(c, store::Filter{});
  for (const auto& d : all) index_dataset(c, d);
  return static_cast<std::int64_t>(all.size());
}

}  // namespace fabrique::datasets
