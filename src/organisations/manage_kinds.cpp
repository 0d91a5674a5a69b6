// Use cases: animateurs add and rename kinds of organisation.
#include "common/text.hpp"
#include "i18n/i18n.hpp"
#include "organisations/store.hpp"
#include "organisations/use_cases.hpp"
#include "organisations/validation.hpp"

namespace fabrique::organisations {

namespace {
void require_animateur(const User& actor) {
  if (!actor.is_animateur()) throw Forbidden(i18n::N_("Only animateurs can change the kinds of organisation."));
}
}  // namespace

FieldErrors add_kind(storage::Connection& c, const User& actor, std::string_view label_in) {
  require_animateur(actor);
  FieldErrors errors;
  std::string label = text::trim(label_in);
  check_label(errors, label);
  storage::Transaction tx(c, true);
  std::string slug = text::slugify(label);
  if (errors.empty() && store::kind_by_slug(c, slug)) errors.add("label", i18n::N_("This kind already exists."));
  if (!errors.empty()) return errors;
  store::insert_kind(c, slug, label);
  tx.commit();
  return errors;
}

FieldErrors rename_kind(storage::Connection& c, const User& actor, std::string_view slug, std::string_view label_in) {
  require_animateur(actor);
  FieldErrors errors;
  std::string label = text::trim(label_in);
  check_label(errors, label);
  storage::Transaction tx(c, true);
  auto kind = store::kind_by_slug(c, slug);
  if (!kind) throw NotFound();
  if (!errors.empty()) return errors;
  // The slug stays: links and filters that use it keep working after a rename.
  store::update_kind_label(c, kind->id, label);
  tx.commit();
  return errors;
}

}  // namespace fabrique::organisations
