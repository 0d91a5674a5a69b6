// The site's own state kept in the database: its secret keys (table settings) and the version of
// its data (table data_version) that shared cached pages are checked against.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "storage/database.hpp"
#include "storage/memo.hpp"

namespace fabrique::storage::settings {

// The value stored under `key`, or `fresh` stored and returned when there is none yet. In one write
// transaction, so that nodes starting together all end up with the first value written.
std::string value_or_create(Database& db, std::string_view key, const std::string& fresh);

// The version of the site's data: it moves on with every change made through the site
// (storage::record_changes). The one the request began at when it knows it (Connection::known_version);
// else, out of a transaction, the one last read while the database's commit mark is unchanged
// (Connection::commit_mark); else read.
std::int64_t data_version(Connection& c);
// The same as a column of another statement, to read it along with something else.
inline constexpr const char* kDataVersionColumn = "(SELECT version FROM data_version WHERE id = 1)";

namespace detail {
template <class T, class F>
T kept_in(Memos* memos, Connection& c, std::string_view name, F&& compute, std::chrono::seconds max_age) {
  if (memos == nullptr) return compute();
  const std::int64_t version = data_version(c);
  std::shared_ptr<const Snapshot> stamps;
  if (c.changes != nullptr && c.changes->learned()) stamps = c.changes->snapshot(c);
  return memos->get<T>(name, version, stamps.get(), std::forward<F>(compute), c.reads, max_age);
}
}  // namespace detail

// `compute()` as of the database now, computed again only once a table it read changed, and shared
// by every connection of the same Database (storage/memo.hpp); a connection opened on its own computes
// it every time. Call it inside the read transaction that `compute` reads in. `max_age` as for
// Memos::get.
template <class T, class F>
T memo(Connection& c, std::string_view name, F&& compute, std::chrono::seconds max_age = Memos::kMaxAge) {
  return detail::kept_in<T>(c.memos, c, name, std::forward<F>(compute), max_age);
}

// The same for a value of one thing among many (a coalition's section of its page), kept apart from
// the values every page shares: a walk through every coalition pushes out only other such values.
template <class T, class F>
T fragment(Connection& c, std::string_view name, F&& compute) {
  return detail::kept_in<T>(c.fragments, c, name, std::forward<F>(compute), Memos::kMaxAge);
}

}  // namespace fabrique::storage::settings
