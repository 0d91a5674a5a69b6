// Use case: a co-porteur or an animateur adds an action to the coalition's roadmap (revision 1).
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

ActionResult create_action(storage::Connection& c, const User& actor, std::string_view slug, const ActionInput& in,
                           sys_seconds now) {
  ActionResult out;
  Action a = validation::read_action(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  storage::Transaction tx(c, true);
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its roadmap."));
  validation::resolve(c, k->id, std::nullopt, in, a, out.errors);
  if (in.origin_next_step != 0) {
    // Checked inside the transaction, so two clicks on the same next step make one action.
    if (store::action_of_next_step(c, in.origin_next_step))
      out.errors.add("origin", N_("This next step has already been turned into an action."));
    a.origin_next_step_id = in.origin_next_step;
  }
  if (!out.errors.empty()) return out;
  a.coalition_id = k->id;
  a.created_at = a.updated_at = now;
  out.id = store::insert_action(c, a);
  a.id = out.id;
  store::set_organisations(c, out.id, [&] {
    std::vector<std::int64_t> ids;
    for (const auto& o : a.organisations) ids.push_back(o.id);
    return ids;
  }());
  store::set_events(c, out.id, a.events);
  out.revision = 1;
  store::insert_revision(c, out.id, 1, actor.id, now, comment, validation::snapshot(a));
  store::touch_coalition(c, k->id, now);
  index_action(c, a, k->slug);
  tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
