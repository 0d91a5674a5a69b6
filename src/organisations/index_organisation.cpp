// Keeps an organisation's entry in the search index current: called by the use cases that create
// or edit organisations, inside their transaction.
#include "organisations/store.hpp"
#include "organisations/urls.hpp"
#include "organisations/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::organisations {

void index_organisation(storage::Connection& c, const Organisation& o, sys_seconds now) {
  search::index(c, {"organisation", o.slug, o.name, o.kind_label + "\n\n" + o.description, urls::organisation(o.slug),
                    search::Audience::everyone, std::nullopt, std::nullopt, now});
}

}  // namespace fabrique::organisations
