// Use case: rebuild the whole search index from every module that indexes something (`fabrique
// search reindex`), for rows written before the index existed or after a change in normalisation.
#include <algorithm>

#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "commons/index_charter.hpp"
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "datasets/use_cases.hpp"
#include "decisions/use_cases.hpp"
#include "events/store.hpp"
#include "events/use_cases.hpp"
#include "journal/store.hpp"
#include "journal/use_cases.hpp"
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::search {

std::int64_t reindex(storage::Connection& c, std::chrono::sys_seconds now) {
  // One transaction: searches meanwhile see the old index whole, never a half-built one.
  storage::Transaction tx(c, true);
  c.execute("DELETE FROM search_fts");
  c.execute("DELETE FROM search_documents");
  c.execute("DELETE FROM search_terms");  // words no longer indexed stop completing queries
  // Each module's own indexer, so that the reindexed entries are exactly those its use cases write.
  for (const auto& k : coalitions::store::list(c)) coalitions::index_booklet(c, k.slug);
  for (const auto& o : organisations::store::list(c, std::nullopt)) organisations::index_organisation(c, o, now);
  for (const auto& r : commons::store::resources(c, {.all_drafts = true})) commons::index_resource(c, r);
  for (const auto& k : commons::store::cards(c, {.all_drafts = true})) commons::index_card(c, k);
  auto versions = commons::store::charter_versions(c);  // newest first: the current charter is indexed last
  std::reverse(versions.begin(), versions.end());
  for (const auto& v : versions)
    if (auto full = commons::store::charter_version(c, v.number)) commons::index_charter(c, *full);
  for (const auto& a : roadmaps::store::actions(c, {})) roadmaps::index_action(c, a, a.coalition_slug);
  for (const auto& e : events::store::list(c, {.counts = false})) events::index_event(c, e);
  for (const auto& e : observatoire::store::list(c)) observatoire::index_entry(c, e);
  datasets::reindex_datasets(c);
  decisions::reindex_decisions(c, now);
  for (const auto& p : journal::store::posts(c, {.now = now, .all_unpublished = true})) journal::index_post(c, p);
  const std::int64_t count = c.query_one("SELECT COUNT(*) FROM search_documents")->integer(0);
  tx.commit();
  return count;
}

}  // namespace fabrique::search
