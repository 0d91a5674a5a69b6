// How instants are stored: unix seconds in an INTEGER column, the same on both engines.
#pragma once
#include <chrono>
#include <cstdint>

namespace fabrique::storage {

// The column value for an instant.
inline std::int64_t secs(std::chrono::sys_seconds t) { return t.time_since_epoch().count(); }

// The instant a column value stands for.
inline std::chrono::sys_seconds at(std::int64_t s) { return std::chrono::sys_seconds(std::chrono::seconds(s)); }

}  // namespace fabrique::storage
