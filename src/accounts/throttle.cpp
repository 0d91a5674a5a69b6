// Counters of recent attempts and the wait they impose (see throttle.hpp).
#include "accounts/throttle.hpp"

#include "accounts/store.hpp"
#include "accounts/use_cases.hpp"

namespace fabrique::accounts::throttle {

std::chrono::seconds wait(storage::Connection& c, const std::string& key, std::int64_t free, sys_seconds now) {
  auto f = store::failures(c, key);
  if (f.count == 0 || now - f.last > kMemory) return std::chrono::seconds(0);
  auto until = f.last + sign_in_delay(f.count, free);
  return until > now ? std::chrono::duration_cast<std::chrono::seconds>(until - now) : std::chrono::seconds(0);
}

std::int64_t note(storage::Connection& c, const std::string& key, sys_seconds now) {
  auto f = store::failures(c, key);
  const bool restart = f.count > 0 && now - f.last > kMemory;
  store::record_failure(c, key, now, restart);
  return restart ? 1 : f.count + 1;
}

}  // namespace fabrique::accounts::throttle
