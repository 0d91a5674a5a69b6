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
// A change made through the site is stamped in its own write transaction, as it commits
// (stamp_before_commit), or, for what it wrote outside one, by record_changes() at its end: the data
// version moves on and each table written is stamped with the new version (table table_changes).
// A change that cannot say what it touched (an import, a restore) stamps '*': every table.
// Readers take a Snapshot of those stamps: when the data version moved, the stamps newer than the
// last snapshot are read with it, in one statement, so it is consistent; a page rendered after taking
// a snapshot at version V, having read tables T, is current as long as no table of T (and not '*')
// was stamped after V.
//
// Rows by key. A table stamp is coarse: one registration would render again every page that counts
// any event's registrations. For the few tables written while many pages read them (kKeyedTables), a
// change may name the rows it touched by their key (storage::Rows: a registration names its event),
// and a page may read only the rows of some keys (an event's page reads its own event's
// registrations). Such a change stamps "table#key" instead of the table: a page that read the rows of
// other keys stays current, one that read the whole table is rendered again. A change that does not
// name its rows stamps the table, which renders again every reader of it, keyed or not: forgetting
// to name rows costs renders, never a stale page. What is unsafe is naming too few: see Rows.
#pragma once
#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace fabrique::storage {

class Connection;

// What a database says of its last commit, by whichever connection or process, without a statement
// (Connection::commit_mark): equal marks, nothing was committed between them.
using CommitMark = std::array<unsigned char, 48>;

// A set of tables, by their index in the learned schema. Tables past the last index share it: a
// change to one of them is then taken for a change to all of them, never missed.
inline constexpr std::size_t kMaxTables = 256;
using Tables = std::bitset<kMaxTables>;

// The tables one statement may read, and those it writes.
struct StatementTables {
  Tables reads;
  Tables writes;
};

// The tables whose changes and reads may name rows, each with the columns that are the rows' keys:
// a change named by its rows names them by every key (an interest declaration by its coalition, by
// its organisation before and after, and by its author), a read by one.
struct KeyedTable {
  std::string_view table;
  std::array<std::string_view, 3> keys;  // the first is the one Rows takes by default; empty past the last
  // The position of `column` among the keys (empty: the first), or -1 when it is not one of them.
  constexpr int key_index(std::string_view column) const {
    if (column.empty()) return 0;
    for (std::size_t i = 0; i < keys.size(); ++i)
      if (!keys[i].empty() && keys[i] == column) return static_cast<int>(i);
    return -1;
  }
  constexpr std::uint32_t key_count() const {
    std::uint32_t n = 0;
    while (n < keys.size() && !keys[n].empty()) ++n;
    return n;
  }
};
// Coalitions' rows are found by their slug and number too: a change named by its rows may move a
// coalition's activity (only later), booklet revision and time of update, never what names it (its
// id, slug, number and title): a read of those alone depends on none of its rows
// (storage::query_identity), and the coalitions longest without activity are found by the rows up
// to the last one read (roadmaps::store::quietest_coalitions).
inline constexpr KeyedTable kKeyedTables[] = {
    {"coalitions", {"id"}},  // activity, touched by most of what members do
    // Declared during Reset Days; by the person too, whose account lists their declarations.
    {"interest_declarations", {"coalition_id", "organisation_id", "user_id"}},
    {"registrations", {"event_id"}},        // the busiest writes of a Reset Day
    {"booklet_current", {"coalition_id"}},  // booklets written during Reset Days
    {"notifications", {"user_id"}},         // one person's, on their account, from what others do
    {"sessions", {"user_id"}},              // one person's, on their account, opened by every sign-in
};

// The rows of one table (by its index) whose key number `column` (in KeyedTable::keys) is `id`.
struct RowKey {
  std::uint32_t table = 0;
  std::uint32_t column = 0;
  std::int64_t id = 0;
  friend bool operator==(const RowKey&, const RowKey&) = default;
  friend auto operator<=>(const RowKey&, const RowKey&) = default;
};

// What a page read: whole tables, and rows of keyed tables. A table read by rows still depends on
// every change that did not name its rows, even when no row was read (a count of none).
struct Reads {
  Tables tables;
  Tables by_rows;
  std::vector<RowKey> rows;  // sorted and unique once normalize()d
  void reset() {
    tables.reset();
    by_rows.reset();
    rows.clear();
  }
  Reads& operator|=(const Reads& other);
  // Sorts the rows and drops the repeated ones; past kMaxRowsPerTable rows of one table (an export of
  // every event), the whole table instead, which is cheaper to keep and to check.
  static constexpr std::size_t kMaxRowsPerTable = 256;
  void normalize();
};

// What a change wrote: every table it changed rows of, those of them it did not say which rows of,
// and the rows it named.
struct Writes {
  Tables tables;
  Tables whole;
  std::vector<RowKey> rows;
  bool any() const { return tables.any(); }
  bool none() const { return tables.none(); }
  void reset() {
    tables.reset();
    whole.reset();
    rows.clear();
  }
  Writes& operator|=(const Writes& other);
};

// The stamps of named rows ("table#key"), shared by the snapshots of one database: they only move
// forward, so a snapshot may read stamps newer than itself (a page is then rendered again, never kept
// too long). Thread-safe.
class RowStamps {
 public:
  std::int64_t at(const RowKey& k) const;
  void raise(const RowKey& k, std::int64_t version);

 private:
  struct Hash {
    std::size_t operator()(const RowKey& k) const {
      const auto id = static_cast<std::uint64_t>(k.id);  // wraps, never overflows
      return std::hash<std::uint64_t>{}((id * 257 + k.table) * 4 + k.column);
    }
  };
  mutable std::shared_mutex mutex_;
  std::unordered_map<RowKey, std::int64_t, Hash> stamps_;
};

// The version at which each table last changed, as of one data version.
struct Snapshot {
  std::int64_t version = 0;
  std::int64_t everything_at = 0;             // the last change that did not say what it touched
  std::vector<std::int64_t> changed_at;       // by table index: the last change that did not name rows
  std::vector<std::int64_t> rows_changed_at;  // by table index: the last change that named rows
  std::shared_ptr<RowStamps> rows;            // complete through `version` at least
  std::uint64_t generation = 0;               // of the table indexes it was made with (0: none known yet)
  // True when no table of `tables` changed after version `at`.
  bool unchanged_since(const Tables& tables, std::int64_t at) const;
  // True when nothing `read` changed after version `at`: no whole table, no row of the keys read
  // (nor their table as a whole).
  bool unchanged_since(const Reads& read, std::int64_t at) const;
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
  std::string name_of(std::size_t index) const;
  // The index of a table of kKeyedTables, or nothing until the tables are known. Throws
  // std::logic_error for any other table (its changes never name rows) or a column that is not one of
  // its keys (none: its first).
  std::optional<std::size_t> keyed_index(std::string_view table, std::string_view column = {}) const;

  // The stamps as of the database now, read again only if the data version moved.
  std::shared_ptr<const Snapshot> snapshot(Connection& c);

  // The data version last read from the database with the commit mark read just before it
  // (settings::data_version): as long as the mark is the same, nothing was committed since and that
  // version holds.
  std::optional<std::int64_t> version_at(const CommitMark& mark) const;
  void remember_version(const CommitMark& mark, std::int64_t version);

 private:
  struct StringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  StatementTables parse(std::string_view sql) const;
  std::size_t index_of(std::string_view name) const;  // kMaxTables when not a table

  mutable std::shared_mutex mutex_;
  bool learned_ = false;
  std::uint64_t generation_ = 0;  // moves with every learn(): snapshots made before do not carry over
  std::vector<std::string> tables_;
  std::unordered_map<std::string, std::size_t, StringHash, std::equal_to<>> index_;
  std::vector<std::vector<std::size_t>> cascades_;  // by table: tables an ON DELETE action changes
  std::unordered_map<std::string, StatementTables, StringHash, std::equal_to<>> statements_;

  std::mutex snapshot_mutex_;
  std::shared_ptr<const Snapshot> snapshot_;

  mutable std::mutex version_mutex_;
  std::optional<CommitMark> version_mark_;
  std::int64_t marked_version_ = 0;
};

// Says which rows of a keyed table (kKeyedTables) the statements `c` runs while it lives (keep it
// around those statements alone, in the store) read and write: those whose key is one of the ids added, before or after
// the statements run. Reads of that table then depend on those rows alone, writes stamp those rows alone; a write with
// no id added stamps the whole table.
//
// Name exactly the keys of every row read or written, whatever selected them:
// - a read selects the table's rows by their key, given (an event's registrations) or taken from
//   other tables' rows (the registrations of a coalition's events, the coalitions linked to events):
//   add those keys, and every key whose rows the statement could have returned;
// - a read of rows found by another column of the same table (a person's registrations) is not
//   narrowed: leave it outside any Rows;
// - a write named by its rows must not change what a narrowed read selects rows by, other than the
//   keys (a coalition's activity may be named, its slug may not), and is named only when a Rows names
//   it by each key of its table: with one missing, it stamps the whole table.
class Rows {
 public:
  // By the table's first key, or by `column`, another of its keys.
  explicit Rows(Connection& c, std::string_view table, std::string_view column = {});
  Rows(Connection& c, std::string_view table, std::int64_t id) : Rows(c, table) { add(id); }
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;
  ~Rows();
  void add(std::int64_t id) {
    named_ = true;
    ids_.push_back(id);
  }
  // A key that may be null: a row whose key is null concerns no reader narrowed by that key.
  void add(std::optional<std::int64_t> id) {
    named_ = true;
    if (id) ids_.push_back(*id);
  }

 private:
  friend class Connection;
  Connection& c_;
  std::optional<std::size_t> table_;  // nothing until the tables are known: then every read counts
  std::uint32_t column_ = 0;
  std::uint32_t keys_ = 1;  // how many keys the table has
  std::vector<std::int64_t> ids_;
  bool named_ = false;
  bool read_ = false;
  bool wrote_ = false;
  Rows* outer_;
};

// Ends a change made through the site: moves the data version on and stamps the tables `c` wrote
// since it was leased (or since the last call) and not yet stamped, in one write transaction of its
// own. Nothing is done when it wrote nothing. Throws storage::Unavailable when the database cannot
// take the write now.
void record_changes(Connection& c);

// Called by storage::Transaction before it commits a write transaction: stamps what `c` wrote in that
// transaction (and before it), in it, so that a change and its stamps are one commit — one write
// transaction per use case, not two, and no moment when the change is seen but not yet stamped.
// Not on a connection opened on its own or before the schema is learned (record_changes stamps '*'
// then), nor while a Rows that wrote is alive around the commit (its keys are known when it ends), nor
// when the caller gathers its stamps itself (Connection::stamp_at_commit false): record_changes()
// stamps those after. Returns whether it stamped; the caller resets `c.writes` once committed.
bool stamp_before_commit(Connection& c);

// Moves the data version on, stamping every table, in the caller's write transaction: for changes
// made outside the site's connections (imports, restores), which do not say what they touched.
void record_change_of_everything(Connection& c);

}  // namespace fabrique::storage
