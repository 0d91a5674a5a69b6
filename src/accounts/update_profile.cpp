// Use case: a person edits their name and chooses whether it is shown publicly.
#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"
#include "common/text.hpp"

namespace fabrique::accounts {

FieldErrors update_profile(storage::Connection& c, const User& actor, std::string_view name_in, bool show_name,
                           sys_seconds now) {
  FieldErrors errors;
  std::string name = text::trim(name_in);
  check_name(errors, "name", name);
  if (!errors.empty()) return errors;
  storage::Transaction tx(c, true);
  store::update_profile(c, actor.id, name, show_name, now);
  tx.commit();
  return errors;
}

}  // namespace fabrique::accounts
