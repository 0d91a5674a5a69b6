// Use case: a member of an organisation (or an animateur) adds one of its datasets to the register.
#include "datasets/use_cases.hpp"
#include "datasets/validation.hpp"

namespace fabrique::datasets {

SaveResult create_dataset(storage::Connection& c, const User& actor, const DatasetInput& in, sys_seconds now) {
  SaveResult out;
  storage::Transaction tx(c, true);
  Checked checked = validate(c, &actor, in, out.errors);
  if (!out.errors.empty()) return out;
  out.dataset = write_dataset(c, nullptr, checked, actor.id, now, std::nullopt);
  tx.commit();
  return out;
}

}  // namespace fabrique::datasets
