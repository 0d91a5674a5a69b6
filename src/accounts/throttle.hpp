// Slowing down repeated attempts (sign-in failures, sign-ups) per key, from counters kept in the
// database so that every node of a site counts the same.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>

#include "storage/database.hpp"

namespace fabrique::accounts::throttle {

using std::chrono::sys_seconds;

// Attempts older than this are forgotten: a burst ends after this long without one.
inline constexpr std::chrono::hours kMemory{1};

// How long the next attempt under `key` must wait after its recent ones, `free` of which cost
// nothing (0: no wait). Reads only.
std::chrono::seconds wait(storage::Connection& c, const std::string& key, std::int64_t free, sys_seconds now);

// Counts one more attempt under `key`, inside the caller's write transaction; returns how many the
// current burst holds, this one included.
std::int64_t note(storage::Connection& c, const std::string& key, sys_seconds now);

}  // namespace fabrique::accounts::throttle
