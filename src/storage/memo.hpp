// Values computed from the database and shared until its data changes: what many pages show of the
// whole programme (counts, charts' figures) is then computed once per change, not once per view.
//
// A value is kept with the data_version it was computed at (storage/settings.hpp: every change made
// through the site moves it, on whichever node) and the tables `compute` read, and served while none
// of those tables was stamped since (storage/changes.hpp: a registration does not recount the
// resources' tags), or, without stamps to go by, while the version is the same; for at most kMaxAge
// either way, like the visitors' pages (http/page_cache.hpp), so that changes made outside the site
// show up soon. Read the version and compute the value in the same read transaction: the value is
// then never older than its version. The tables are also added to the connection's on every use, so
// that a page showing the value depends on them even when it did not compute it.
#pragma once
#include <chrono>
#include <cstdint>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "storage/changes.hpp"

namespace fabrique::storage {

class Memos {
 public:
  static constexpr std::chrono::seconds kMaxAge{60};
  // Names may carry what a value is of (a dashboard's window of coalitions, a coalition's section of
  // its page): past this many values, those too old to serve go, and if that is not enough, the one
  // used longest ago.
  static constexpr std::size_t kMaxValues = 1024;

  explicit Memos(std::size_t max_values = kMaxValues) : max_values_(max_values) {}

  // The value kept under `name` that is current at `version`, or `compute()` kept for it. One name,
  // one type. `stamps` (a snapshot at `version` or later; null when the tables are not known) tells
  // whether what a value read changed since. `reads` (the connection's tables read) gains the tables
  // the value was computed from. `max_age`: longer than kMaxAge only for tables that nothing changes
  // without stamping it.
  template <class T, class F>
  T get(std::string_view name, std::int64_t version, const Snapshot* stamps, F&& compute, Reads& reads,
        std::chrono::seconds max_age = kMaxAge) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(mutex_);
      if (auto it = values_.find(name); it != values_.end() && now - it->second.at <= it->second.max_age) {
        const Kept& kept = it->second;
        const bool current =
            kept.version == version || (stamps != nullptr && kept.version < version && stamps->version >= version &&
                                        stamps->unchanged_since(kept.reads, kept.version));
        if (current) {
          used_.splice(used_.begin(), used_, kept.used);
          reads |= kept.reads;
          return *std::static_pointer_cast<const T>(kept.value);
        }
      }
    }
    const Reads before = reads;
    reads.reset();
    T fresh = compute();
    Reads used = reads;
    used.normalize();
    reads |= before;
    std::lock_guard lock(mutex_);
    auto it = values_.find(name);
    if (it == values_.end()) {
      if (values_.size() >= max_values_) forget_some(now);
      it = values_.emplace(std::string(name), Kept{}).first;
      used_.push_front(it);
      it->second.used = used_.begin();
    }
    Kept& kept = it->second;
    if (!kept.value || kept.version <= version) {
      kept.version = version;
      kept.at = now;
      kept.max_age = max_age;
      kept.value = std::make_shared<const T>(fresh);
      kept.reads = std::move(used);
      used_.splice(used_.begin(), used_, kept.used);
    }
    return fresh;
  }

 private:
  struct Kept;
  using Values = std::map<std::string, Kept, std::less<>>;
  struct Kept {
    std::int64_t version = 0;
    std::chrono::steady_clock::time_point at;
    std::chrono::seconds max_age{kMaxAge};
    std::shared_ptr<const void> value;
    Reads reads;
    std::list<Values::iterator>::iterator used;  // its place in used_
  };
  void forget(Values::iterator it) {
    used_.erase(it->second.used);
    values_.erase(it);
  }
  void forget_some(std::chrono::steady_clock::time_point now) {
    for (auto it = values_.begin(); it != values_.end();) {
      auto next = std::next(it);
      if (now - it->second.at > it->second.max_age) forget(it);
      it = next;
    }
    if (values_.size() >= max_values_) forget(used_.back());
  }
  const std::size_t max_values_;
  std::mutex mutex_;
  Values values_;
  std::list<Values::iterator> used_;  // the values, the one used last first
};

}  // namespace fabrique::storage
