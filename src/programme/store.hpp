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

struct RegisterFigures {
  std::int64_t algorithms = 0, public_bodies = 0, datasets = 0, producers = 0, territories = 0, organisations = 0;
};

// What each public register holds, in one query.
RegisterFigures register_figures(storage::Connection& c);

}  // namespace fabrique::programme::store
