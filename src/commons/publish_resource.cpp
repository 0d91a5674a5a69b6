// Use case: an animateur or a co-porteur of a linked coalition publishes a proposed resource.
#include "commons/store.hpp"
#include "commons/use_cases.hpp"
#include "i18n/i18n.hpp"

namespace fabrique::commons {

void publish_resource(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto r = store::resource(c, slug);
  if (!r) throw NotFound();
  if (!can_publish(c, &actor, *r))
    throw Forbidden(i18n::N_("Only the co-porteurs of its coalitions and the animateurs can publish this resource."));
  if (r->status == Status::published) return;
  store::set_resource_status(c, r->id, Status::published, now);
  index_resource(c, *store::resource(c, slug));
  tx.commit();
}

}  // namespace fabrique::commons
