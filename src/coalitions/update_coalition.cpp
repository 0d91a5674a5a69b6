// Use case: a co-porteur or an animateur edits a coalition's fields, perhaps moving it to another stage.
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/validation.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::coalitions {

SaveResult update_coalition(storage::Connection& c, const User& actor, std::string_view slug, const CoalitionInput& in,
                            sys_seconds now) {
  SaveResult out;
  storage::Transaction tx(c, true);
  auto current = store::by_slug(c, slug);
  if (!current) throw NotFound();
  if (!can_edit(c, &actor, current->id))
    throw Forbidden(i18n::N_("Only the co-porteurs of this coalition and the animateurs can edit it."));
  Coalition k = validate(c, in, out.errors, current->id);
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  k.id = current->id;
  k.slug = current->slug;  // addresses stay stable
  k.created_at = current->created_at;
  k.updated_at = k.last_activity_at = now;
  k.stage_since = current->stage_since;
  if (k.stage != current->stage) {
    k.stage_since = now;
    store::insert_stage_change(c, k.id, current->stage, k.stage, now, actor.id);
  }
  store::update_fields(c, k);
  territories::place(c, territories::subject::coalition, k.id, places);
  index_booklet(c, k.slug);
  tx.commit();
  out.coalition = store::by_slug(c, k.slug);
  return out;
}

}  // namespace fabrique::coalitions
