// Who may change a coalition's roadmap and indicators: the same people who edit its booklet.
#include "coalitions/use_cases.hpp"
#include "roadmaps/use_cases.hpp"

namespace fabrique::roadmaps {

bool can_edit(storage::Connection& c, const User* actor, std::int64_t coalition_id) {
  return coalitions::can_edit(c, actor, coalition_id);
}

}  // namespace fabrique::roadmaps
