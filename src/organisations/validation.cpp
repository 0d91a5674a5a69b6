// Checks of organisation fields and slug allocation.
#include "organisations/validation.hpp"

#include <fmt/format.h>

#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "taxonomies/taxonomy.hpp"

namespace fabrique::organisations {

using i18n::N_;

Organisation validate(storage::Connection& c, const OrganisationInput& in, FieldErrors& errors,
                      std::optional<std::int64_t> self) {
  Organisation o;
  o.name = text::trim(in.name);
  o.website = text::trim(in.website);
  o.description = text::trim(in.description);

  if (o.name.empty()) {
    errors.add("name", N_("Enter the organisation's name."));
  } else if (!text::valid_utf8(o.name, false) || text::slugify(o.name).empty()) {
    errors.add("name", N_("The name must contain letters or digits."));
  } else if (text::length(o.name) > kMaxOrganisationName) {
    errors.add("name", N_("The name is too long (160 characters at most)."));
  } else if (auto other = store::by_name(c, o.name); other && (!self || other->id != *self)) {
    errors.add("name", N_("An organisation with this name already exists."));
  }

  if (auto kind = taxonomies::term(c, taxonomies::kOrganisationKinds, in.kind)) {
    o.kind_id = kind->id;
  } else {
    errors.add("kind", N_("Choose the kind of organisation."));
  }

  if (!o.website.empty() && (!text::looks_like_web_address(o.website) || o.website.size() > kMaxWebsite))
    errors.add("website", N_("Enter a web address starting with https:// or http://."));

  if (!text::valid_utf8(o.description)) {
    errors.add("description", N_("The description contains characters that are not allowed."));
  } else if (text::length(o.description) > kMaxDescription) {
    errors.add("description", N_("The description is too long (2000 characters at most)."));
  }
  return o;
}

std::string unique_slug(storage::Connection& c, const std::string& name) {
  std::string base = text::slugify(name);
  // Words that are pages under /organisations/ cannot be an organisation's address.
  if (base == "nouvelle" || base == "types") base += "-org";
  std::string slug = base;
  for (int n = 2; store::slug_taken(c, slug); ++n) slug = fmt::format("{}-{}", base, n);
  return slug;
}

}  // namespace fabrique::organisations
