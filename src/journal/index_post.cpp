// Keeps a post's entry in the search index current (type "post"): published posts only, found from
// their publication date on (a scheduled post is indexed with its date and found once it is
// reached); a draft is out of the index. Called by the use cases that write posts, inside their
// transaction, and by `fabrique search reindex`.
#include "journal/urls.hpp"
#include "journal/use_cases.hpp"
#include "search/search.hpp"

namespace fabrique::journal {

void index_post(storage::Connection& c, const Post& p) {
  if (p.status != Status::published || !p.published_at) {
    search::remove(c, "post", p.slug);
    return;
  }
  search::index(c, {.type = "post",
                    .ref = p.slug,
                    .title = p.title,
                    .body = p.summary + "\n\n" + p.body,
                    .url = urls::post(p.slug),
                    .audience = search::Audience::everyone,
                    .owner_id = std::nullopt,
                    .coalition_id = std::nullopt,
                    .updated_at = p.updated_at,
                    .visible_from = p.published_at});
}

}  // namespace fabrique::journal
