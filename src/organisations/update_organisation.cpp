// Use case: an animateur or a member of the organisation edits its details.
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "organisations/validation.hpp"
#include "territories/links.hpp"

namespace fabrique::organisations {

SaveResult update_organisation(storage::Connection& c, const User& actor, std::string_view slug,
                               const OrganisationInput& in, sys_seconds now) {
  SaveResult out;
  storage::Transaction tx(c, true);
  auto current = store::by_slug(c, slug);
  if (!current) throw NotFound();
  if (!actor.is_animateur() && !store::is_member(c, actor.id, current->id))
    throw Forbidden(i18n::N_("Only its members and the animateurs can edit this organisation."));
  Organisation o = validate(c, in, out.errors, current->id);
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  o.id = current->id;
  o.slug = current->slug;  // the address stays stable when the name changes
  store::update(c, o, now);
  territories::place(c, territories::subject::organisation, o.id, places);
  out.organisation = store::by_slug(c, o.slug);
  index_organisation(c, *out.organisation, now);
  tx.commit();
  return out;
}

}  // namespace fabrique::organisations
