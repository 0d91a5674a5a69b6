// Use case: a signed-in person adds an organisation and joins it.
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "organisations/validation.hpp"
#include "territories/links.hpp"

namespace fabrique::organisations {

SaveResult create_organisation(storage::Connection& c, const User& actor, const OrganisationInput& in,
                               sys_seconds now) {
  SaveResult out;
  storage::Transaction tx(c, true);
  Organisation o = validate(c, in, out.errors, std::nullopt);
  const auto places = territories::resolve_places(c, in.territories, out.errors, "territoires");
  if (!out.errors.empty()) return out;
  o.slug = unique_slug(c, o.name);
  o.id = store::insert(c, o, now);
  territories::place(c, territories::subject::organisation, o.id, places);
  store::add_member(c, actor.id, o.id, now);
  out.organisation = store::by_slug(c, o.slug);
  index_organisation(c, *out.organisation, now);
  tx.commit();
  return out;
}

std::optional<Organisation> find_or_create_in(storage::Connection& c, const OrganisationInput& in, FieldErrors& errors,
                                              const std::string& name_field, const std::string& kind_field,
                                              sys_seconds now) {
  if (auto existing = store::by_name(c, in.name)) return existing;
  FieldErrors own;
  Organisation o = validate(c, in, own, std::nullopt);
  for (const auto& [field, message] : own.items())
    errors.add(field == "name" ? name_field : field == "kind" ? kind_field : field, message);
  if (!own.empty()) return std::nullopt;
  o.slug = unique_slug(c, o.name);
  o.id = store::insert(c, o, now);
  auto created = store::by_slug(c, o.slug);
  index_organisation(c, *created, now);
  return created;
}

}  // namespace fabrique::organisations
