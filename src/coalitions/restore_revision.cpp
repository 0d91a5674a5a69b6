// Use case: bring back the text of an old booklet revision, as a new revision (history is never rewritten).
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::coalitions {

using i18n::N_;

std::int64_t restore_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t number,
                              sys_seconds now) {
  storage::Transaction tx(c, true);
  auto k = store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can edit its booklet."));
  if (number < 1 || number > k->booklet_revision) throw NotFound();
  Booklet old = store::booklet_at(c, k->id, number);
  Booklet current = store::current_booklet(c, k->id);
  Booklet changed;
  for (const auto& s : kSections) {
    std::string before = old.count(s.key) ? old[s.key] : "";
    std::string now_text = current.count(s.key) ? current[s.key] : "";
    if (before != now_text) changed[s.key] = before;
  }
  if (changed.empty()) return 0;
  std::int64_t revision = k->booklet_revision + 1;
  store::insert_revision(c, k->id, revision, actor.id, now, "", number, changed);
  index_booklet(c, k->slug);
  tx.commit();
  return revision;
}

}  // namespace fabrique::coalitions
