// Use case: an animateur opens a coalition.
#include "coalitions/store.hpp"
#include "coalitions/use_cases.hpp"
#include "coalitions/validation.hpp"
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "territories/links.hpp"

namespace fabrique::coalitions {

using i18n::N_;

SaveResult create_coalition(storage::Connection& c, const User& actor, const CoalitionInput& in, sys_seconds now) {
  if (!actor.is_animateur()) throw Forbidden(N_("Only animateurs can open a coalition."));
  SaveResult out;
  storage::Transaction tx(c, true);
  Coalition k = validate(c, in, out.errors, std::nullopt);
  std::string wanted = text::trim(in.slug);
  k.slug = text::slugify(wanted.empty() ? k.title : wanted);
  if (!wanted.empty() && k.slug != wanted) {
    out.errors.add("slug", N_("The address may contain only lower-case letters, digits and dashes."));
  } else if (k.slug == "nouvelle" || k.slug == "familles" || k.slug == "promotions") {
    out.errors.add("slug", N_("This address is reserved. Choose another one."));
  } else if (!k.slug.empty() && store::slug_taken(c, k.slug)) {
    out.errors.add("slug", N_("Another coalition already has this address."));
  }
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  k.stage_since = k.created_at = k.updated_at = k.last_activity_at = now;
  k.id = store::insert(c, k);
  territories::place(c, territories::subject::coalition, k.id, places);
  store::insert_stage_change(c, k.id, "", k.stage, now, actor.id);
  index_booklet(c, k.slug);
  tx.commit();
  out.coalition = store::by_slug(c, k.slug);
  return out;
}

}  // namespace fabrique::coalitions
