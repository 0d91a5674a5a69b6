// SQL for the programme-wide figures of the home page.
#include "programme/store.hpp"

namespace fabrique::programme::store {

Figures figures(storage::Connection& c) {
  auto r = c.query_one(
      "SELECT (SELECT COUNT(*) FROM organisations), (SELECT COUNT(DISTINCT kind_id) FROM organisations), "
      "(SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM coalitions)");
  return {.coalitions = r->integer(3), .organisations = r->integer(0), .kinds = r->integer(1), .people = r->integer(2)};
}

}  // namespace fabrique::programme::store
