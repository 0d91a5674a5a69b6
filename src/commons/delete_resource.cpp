// Use case: an animateur deletes a resource, or its submitter withdraws their proposal; it leaves
// the search index in the same transaction.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"
#include "search/search.hpp"
#include "territories/links.hpp"

namespace fabrique::commons {

void delete_resource(storage::Connection& c, const User& actor, std::string_view slug) {
  storage::Transaction tx(c, true);
  auto r = store::resource(c, slug);
  if (!r) throw NotFound();
  const bool own_draft = r->status == Status::draft && r->submitted_by && *r->submitted_by == actor.id;
  if (!actor.is_animateur() && !own_draft)
    throw Forbidden(i18n::N_("Only the animateurs can delete a published resource."));
  search::remove(c, "resource", r->slug);
  store::delete_resource(c, r->id);
  territories::unplace(c, territories::subject::resource, r->id);
  if (r->file_id) files::remove(c, *r->file_id);  // files belong to the resource that uploaded them
  tx.commit();
}

}  // namespace fabrique::commons
