// SQL for the programme-wide figures of the home page.
#include "programme/store.hpp"

#include "storage/settings.hpp"

namespace fabrique::programme::store {

// The counts are shared until one of their tables changes: counting 100,000 members is a read of
// every row on either engine.
Figures figures(storage::Connection& c) {
  return storage::settings::memo<Figures>(c, "programme.figures", [&] {
    storage::Rows none(c, "coalitions");  // how many: changes named by a coalition's row never change it
    auto r = c.query_one(
        "SELECT (SELECT COUNT(*) FROM organisations), (SELECT COUNT(DISTINCT kind_id) FROM organisations), "
        "(SELECT COUNT(*) FROM users), (SELECT COUNT(*) FROM coalitions)");
    return Figures{
        .coalitions = r->integer(3), .organisations = r->integer(0), .kinds = r->integer(1), .people = r->integer(2)};
  });
}

RegisterFigures register_figures(storage::Connection& c) {
  return storage::settings::memo<RegisterFigures>(c, "programme.register_figures", [&] {
    auto r = c.query_one(
        "SELECT (SELECT COUNT(*) FROM observatory_entries), (SELECT COUNT(DISTINCT body_id) FROM observatory_entries), "
        "(SELECT COUNT(*) FROM datasets), (SELECT COUNT(DISTINCT producer_id) FROM datasets), "
        "(SELECT COUNT(*) FROM territories), (SELECT COUNT(*) FROM organisations)");
    return RegisterFigures{.algorithms = r->integer(0),
                           .public_bodies = r->integer(1),
                           .datasets = r->integer(2),
                           .producers = r->integer(3),
                           .territories = r->integer(4),
                           .organisations = r->integer(5)};
  });
}

}  // namespace fabrique::programme::store
