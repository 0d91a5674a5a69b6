// SQL for the programme-wide figures of the home page.
#pragma once
#include <cstdint>

#include "storage/database.hpp"

namespace fabrique::programme::store {

struct Figures {
  std::int64_t coalitions = 0, organisations = 0, kinds = 0, people = 0;
};

// The programme in figures, in one query.
Figures figures(storage::Connection& c);

}  // namespace fabrique::programme::store
