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
    if (values_.size() >= kMaxValues && !values_.contains(name)) forget_some(now);
    auto& kept = values_[std::string(name)];
    if (!kept.value || kept.version <= version)
      kept = {version, now, max_age, std::make_shared<const T>(fresh), std::move(used)};
    return fresh;
  }

 private:
  // Names may carry what a value is of (a dashboard's window of coalitions): past this many values,
  // those too old to serve go, and if that is not enough, all of them.
  static constexpr std::size_t kMaxValues = 1024;
  void forget_some(std::chrono::steady_clock::time_point now) {
    std::erase_if(values_, [&](const auto& v) { return now - v.second.at > v.second.max_age; });
    if (values_.size() >= kMaxValues) values_.clear();
  }
  struct Kept {
    std::int64_t version = 0;
    std::chrono::steady_clock::time_point at;
    std::chrono::seconds max_age{kMaxAge};
    std::shared_ptr<const void> value;
    Reads reads;
  };
  std::mutex mutex_;
  std::map<std::string, Kept, std::less<>> values_;
};

}  // namespace fabrique::storage
