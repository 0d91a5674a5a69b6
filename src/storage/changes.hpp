// Which tables a change touched, and which tables a page read: a page cached for visitors
// (http/page_cache.hpp) is rendered again only when a table it read has changed since, not after
// every change anywhere in the programme.
//
// Every statement a connection runs is noted (Connection::note): the tables it may read are every
// name of a table it contains (a superset: a column named like a table only costs a render), the
// tables it writes are the targets of its INSERT, UPDATE and DELETE, plus, for a DELETE or a REPLACE,
// the tables whose rows the schema's ON DELETE actions change with them. There are no views or
// triggers in the schema; learn() would have to follow them if there were.
//
// A change made through the site ends with record_changes(): in one write transaction, the data
// version moves on and each table written is stamped with the new version (table table_changes).
// A change that cannot say what it touched (an import, a restore) stamps '*': every table.
// Readers take a Snapshot of those stamps: it is read again only when the data version moved, in one
// statement, so it is consistent; a page rendered after taking a snapshot at version V, having read
// tables T, is current as long as no table of T (and not '*') was stamped after V.
#pragma once
#include <bitset>
#include <cstdint>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fabrique::storage {

class Connection;

// A set of tables, by their index in the learned schema. Tables past the last index share it: a
// change to one of them is then taken for a change to all of them, never missed.
inline constexpr std::size_t kMaxTables = 256;
using Tables = std::bitset<kMaxTables>;

// The tables one statement may read, and those it writes.
struct StatementTables {
  Tables reads;
  Tables writes;
};

// The version at which each table last changed, as of one data version.
struct Snapshot {
  std::int64_t version = 0;
  std::int64_t everything_at = 0;        // the last change that did not say what it touched
  std::vector<std::int64_t> changed_at;  // by table index
  // True when no table of `tables` changed after version `at`.
  bool unchanged_since(const Tables& tables, std::int64_t at) const;
};

// What one Database knows of its schema's tables, shared by its connections. Thread-safe.
class Changes {
 public:
  // Reads the schema's tables and their ON DELETE actions. Until then, every statement is taken to
  // read and write every table (which is always safe: pages are then rendered again after any change).
  void learn(Connection& c);
  bool learned() const;

  StatementTables tables_of(std::string_view sql);
  std::vector<std::string> names(const Tables& tables) const;

  // The stamps as of the database now, read again only if the data version moved.
  std::shared_ptr<const Snapshot> snapshot(Connection& c);

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  StatementTables parse(std::string_view sql) const;
  std::size_t index_of(std::string_view name) const;  // kMaxTables when not a table

  mutable std::shared_mutex mutex_;
  bool learned_ = false;
  std::vector<std::string> tables_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
  std::vector<std::vector<std::size_t>> cascades_;  // by table: tables an ON DELETE action changes
  std::unordered_map<std::string, StatementTables, StringHash, std::equal_to<>> statements_;

  std::mutex snapshot_mutex_;
  std::shared_ptr<const Snapshot> snapshot_;
};

// Ends a change made through the site: moves the data version on and stamps the tables `c` wrote
// since it was leased (or since the last call), in one write transaction of its own. Nothing is done
// when it wrote nothing. Throws storage::Unavailable when the database cannot take the write now.
void record_changes(Connection& c);

// Moves the data version on, stamping every table, in the caller's write transaction: for changes
// made outside the site's connections (imports, restores), which do not say what they touched.
void record_change_of_everything(Connection& c);

}  // namespace fabrique::storage
