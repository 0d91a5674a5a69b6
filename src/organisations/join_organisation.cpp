// Use cases: a person says they belong to an organisation, or no longer do.
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"

namespace fabrique::organisations {

void join_organisation(storage::Connection& c, const User& actor, std::string_view slug, sys_seconds now) {
  storage::Transaction tx(c, true);
  auto o = store::by_slug(c, slug);
  if (!o) throw NotFound();
  store::add_member(c, actor.id, o->id, now);
  tx.commit();
}

void leave_organisation(storage::Connection& c, const User& actor, std::string_view slug) {
  storage::Transaction tx(c, true);
  auto o = store::by_slug(c, slug);
  if (!o) throw NotFound();
  store::remove_member(c, actor.id, o->id);
  tx.commit();
}

}  // namespace fabrique::organisations
