// Use cases: a co-porteur or an animateur saves a new revision of an action, unless someone saved
// since the revision they started from (then nothing is written and they see the current values);
// or restores an old revision, which is saved the same way as a new revision (history is never
// rewritten). Both share one body so that a restored revision is checked like a typed one.
#include "coalitions/store.hpp"
#include "roadmaps/store.hpp"
#include "roadmaps/use_cases.hpp"
#include "roadmaps/validation.hpp"

namespace fabrique::roadmaps {

using i18n::N_;

namespace {

// Inside the caller's transaction, with the permission checked: validates `in` and writes it as the
// next revision of `current`.
ActionResult save_revision(storage::Connection& c, const User& actor, const coalitions::Coalition& k,
                           const Action& current, const ActionInput& in, std::optional<std::int64_t> restored_from,
                           sys_seconds now) {
  ActionResult out;
  Action a = validation::read_action(in, out.errors);
  std::string comment = validation::bounded(in.comment, kMaxComment, false, "comment",
                                            N_("The comment is too long (300 characters at most)."), out.errors);
  validation::resolve(c, k.id, current.id, in, a, out.errors);
  if (!out.errors.empty()) return out;
  out.id = current.id;
  if (in.base_revision != current.revision) {
    out.conflict = true;
    out.current = current;
    return out;
  }
  a.id = current.id;
  a.coalition_id = k.id;
  a.created_at = current.created_at;
  a.origin_next_step_id = current.origin_next_step_id;  // the origin is kept, not edited
  const std::string after = validation::snapshot(a);
  if (after == validation::snapshot(current)) {
    out.unchanged = true;
    out.revision = current.revision;
    return out;
  }
  a.revision = current.revision + 1;
  a.updated_at = now;
  if (!store::update_action(c, a)) {
    // Unreachable inside the write transaction; kept so that weaker isolation never overwrites.
    out.conflict = true;
    out.current = current;
    return out;
  }
  std::vector<std::int64_t> ids;
  for (const auto& o : a.organisations) ids.push_back(o.id);
  store::set_organisations(c, current.id, ids);
  store::set_events(c, current.id, a.events);
  store::insert_revision(c, current.id, a.revision, actor.id, now, comment, after, restored_from);
  store::touch_coalition(c, k.id, now);
  index_action(c, a, k.slug);
  out.revision = a.revision;
  return out;
}

struct EditableAction {
  coalitions::Coalition coalition;
  Action action;
};

EditableAction editable_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id) {
  auto k = coalitions::store::by_slug(c, slug);
  if (!k) throw NotFound();
  auto a = store::action(c, k->id, id);
  if (!a) throw NotFound();
  if (!can_edit(c, &actor, k->id))
    throw Forbidden(N_("Only the co-porteurs of this coalition and the animateurs can change its roadmap."));
  return {*k, *a};
}

}  // namespace

ActionResult update_action(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                           const ActionInput& in, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto [k, current] = editable_action(c, actor, slug, id);
  auto out = save_revision(c, actor, k, current, in, std::nullopt, now);
  if (out.revision > current.revision) tx.commit();
  return out;
}

ActionResult restore_action_revision(storage::Connection& c, const User& actor, std::string_view slug, std::int64_t id,
                                     std::int64_t number, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto [k, current] = editable_action(c, actor, slug, id);
  const auto revisions = store::revisions(c, id);
  ActionInput in =
      validation::input_of_snapshot(c, validation::revision_to_restore(revisions, number, current.revision).snapshot);
  in.base_revision = current.revision;
  auto out = save_revision(c, actor, k, current, in, number, now);
  if (out.revision > current.revision) tx.commit();
  return out;
}

}  // namespace fabrique::roadmaps
