// Use case: an observatory editor says which organisation of the site speaks for a public body.
#include "observatoire/store.hpp"
#include "observatoire/use_cases.hpp"
#include "organisations/store.hpp"

namespace fabrique::observatoire {

using i18n::N_;

FieldErrors link_body(storage::Connection& c, const User& actor, std::string_view body_slug,
                      const std::string& organisation_slug) {
  FieldErrors errors;
  storage::Transaction tx(c, true);
  auto b = store::body_by_slug(c, body_slug);
  if (!b) throw NotFound();
  if (!can_edit(c, &actor)) throw Forbidden(N_("Only observatory editors can link a public body to an organisation."));
  std::optional<std::int64_t> org;
  if (!organisation_slug.empty()) {
    auto o = organisations::store::by_slug(c, organisation_slug);
    if (!o) {
      errors.add("organisation", N_("Choose an organisation from the list."));
      return errors;
    }
    org = o->id;
  }
  store::set_body_organisation(c, b->id, org);
  tx.commit();
  return errors;
}

}  // namespace fabrique::observatoire
