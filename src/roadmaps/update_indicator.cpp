// Use case: a co-porteur or an animateur saves a new revision of an indicator, unless someone saved
// since the revision they started from (then nothing is written and they see the current values).
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

IndicatorResult update_indicator(storage::Connection& c, const User& actor, std::string_view slug,
                                 std::int64_t indicator_id, const IndicatorInput& in, sys_seconds now) {
  IndicatorResult out;
  Indicator i = validation::read_indicator(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  auto current = store::indicator(c, k->id, indicator_id);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its indicators."));
  if (!out.errors.empty()) return out;
  if (in.base_revision != current->revision) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  const std::string before = validation::snapshot(*current), after = validation::snapshot(i);
  if (after == before) {
    out.unchanged = true;
    out.revision = current->revision;
    return out;
  }
  // Indicators defined before revisions were kept have none: their values become revision 1.
  if (store::indicator_revisions(c, indicator_id).empty())
    store::insert_indicator_revision(c, indicator_id, current->revision, std::nullopt, current->created_at, "", before);
  i.id = indicator_id;
  i.coalition_id = k->id;
  i.revision = current->revision + 1;
  i.updated_at = now;
  if (!store::update_indicator(c, i)) {
    // Unreachable inside the write transaction; kept so that weaker isolation never overwrites.
    out.conflict = true;
    out.current = current;
    return out;
  }
  store::insert_indicator_revision(c, indicator_id, i.revision, actor.id, now, comment, after);
  store::touch_coalition(c, k->id, now);
  out.revision = i.revision;
  tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
