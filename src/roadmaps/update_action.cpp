// Use case: a co-porteur or an animateur saves a new revision of an action, unless someone saved
// since the revision they started from (then nothing is written and they see the current values).
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

ActionResult update_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                           const ActionInput& in, sys_seconds now) {
  ActionResult out;
  Action a = validation::read_action(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  auto current = store::action(c, k->id, id);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its roadmap."));
  validation::resolve(c, k->id, id, in, a, out.errors);
  if (!out.errors.empty()) return out;
  out.id = id;
  if (in.base_revision != current->revision) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  a.id = id;
  a.coalition_id = k->id;
  a.created_at = current->created_at;
  a.origin_next_step_id = current->origin_next_step_id;  // the origin is kept, not edited
  const std::string after = validation::snapshot(a);
  if (after == validation::snapshot(*current)) {
    out.unchanged = true;
    out.revision = current->revision;
    return out;
  }
  a.revision = current->revision + 1;
  a.updated_at = now;
  if (!store::update_action(c, a)) {
    // Unreachable inside the write transaction; kept so that weaker isolation never overwrites.
    out.conflict = true;
    out.current = current;
    return out;
  }
  std::vector<std::int64_t> ids;
  for (const auto& o : a.organisations) ids.push_back(o.id);
  store::set_organisations(c, id, ids);
  store::set_events(c, id, a.events);
  store::insert_revision(c, id, a.revision, actor.id, now, comment, after);
  store::touch_coalition(c, k->id, now);
  index_action(c, a, k->slug);
  out.revision = a.revision;
  tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
