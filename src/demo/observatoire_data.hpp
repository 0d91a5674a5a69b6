// The observatory's demo entries: the five publicly documented examples of REGISTERS.md.
#pragma once
#include <cstdint>

#include "accounts/model.hpp"
#include "storage/database.hpp"

namespace fabrique::demo {

// Publishes the five entries through the observatory's use cases, as `animateur`, then records a
// later check on one of them so that its score history has two points. Returns how many entries.
std::int64_t load_observatoire(storage::Connection& c, const accounts::User& animateur);

}  // namespace fabrique::demo
