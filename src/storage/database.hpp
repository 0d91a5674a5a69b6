// The storage interface every domain store speaks: connections, portable SQL with `?` placeholders, transactions.
//
// SQL is written once, in a dialect both SQLite and PostgreSQL accept; placeholders are always `?`
// and each backend translates them in one place. Rows come back as typed values.
#pragma once
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "storage/changes.hpp"
#include "storage/instants.hpp"
#include "storage/memo.hpp"

namespace fabrique::storage {

// Binary data (uploaded files); kept apart from text so that backends bind it as a blob.
struct Blob {
  std::string bytes;
};

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string, Blob>;

// The value to bind for an optional column: NULL when empty, instants as unix seconds.
template <class T>
Value nullable(const std::optional<T>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value nullable(const std::optional<std::chrono::sys_seconds>& t) { return t ? Value(secs(*t)) : Value(nullptr); }

// Thrown for failures of the engine itself (I/O, broken SQL): an internal error, never bad input.
class StorageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Thrown when the database cannot serve the request now but may in a moment: locked by another
// writer past the busy wait, disk full, connection lost, server shutting down. The transaction left
// nothing behind; the site answers 503 with Retry-After, and the same request may succeed later.
class Unavailable : public StorageError {
 public:
  using StorageError::StorageError;
};

// Thrown when a UNIQUE or FOREIGN KEY constraint refuses a write. Use cases check what they can
// beforehand; this is the safety net for races, mapped to a field error by the caller.
class ConstraintError : public StorageError {
 public:
  using StorageError::StorageError;
};

// One result row. Columns are read by position, in the order of the SELECT list.
class Row {
 public:
  explicit Row(std::vector<Value> values) : values_(std::move(values)) {}

  bool is_null(std::size_t i) const { return std::holds_alternative<std::nullptr_t>(values_.at(i)); }
  std::int64_t integer(std::size_t i) const;
  double real(std::size_t i) const;
  std::string text(std::size_t i) const;  // "" when NULL
  std::optional<std::string> optional_text(std::size_t i) const;
  std::optional<std::int64_t> optional_integer(std::size_t i) const;
  bool boolean(std::size_t i) const { return integer(i) != 0; }
  const Value& value(std::size_t i) const { return values_.at(i); }
  std::size_t size() const { return values_.size(); }

 private:
  std::vector<Value> values_;
};

using Params = std::vector<Value>;

// "?, ?, ?": the placeholders of an IN list of `n` values.
std::string placeholders(std::size_t n);
// "WITH RECURSIVE distinct_values(value) AS (…)": the distinct non-empty values of the text `column`
// of `table`, in order, read from an index on that column one value at a time (a loose index scan:
// one probe per value, where SELECT DISTINCT reads an index entry per row). The query that follows
// reads them as "SELECT value FROM distinct_values WHERE value IS NOT NULL ORDER BY value". SQLite and
// PostgreSQL.
std::string distinct_values(std::string_view table, std::string_view column);
// " LIMIT ? OFFSET ?" with its two values added to `params`, or "" when `limit` is negative (every
// row: PostgreSQL has no LIMIT -1). Goes last, after the ORDER BY that makes pages stable.
std::string page_clause(std::int64_t limit, std::int64_t offset, Params& params);

enum class Engine { sqlite, postgresql };

// One connection to the database. Not thread-safe: a connection is used by one thread at a time.
class Connection {
 public:
  virtual ~Connection() = default;

  // Runs a statement that returns rows (SELECT, or INSERT/UPDATE ... RETURNING).
  virtual std::vector<Row> query(std::string_view sql, const Params& params = {}) = 0;
  // Runs a read and hands `each` its rows one at a time as they come, holding one instead of all: for
  // reads of hundreds of thousands of small rows (the dashboard's organisations per coalition: 200,000
  // in the large programme, 31 MB as a vector of rows for a moment). `each` must not use this
  // connection. By default the rows of query(): PostgreSQL's client library receives the whole result
  // anyway.
  virtual void each_row(std::string_view sql, const Params& params, const std::function<void(const Row&)>& each) {
    for (const auto& r : query(sql, params)) each(r);
  }
  // Runs a statement and returns the number of rows it changed.
  virtual std::int64_t execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs a script of several statements without parameters (migrations).
  virtual void execute_script(std::string_view sql) = 0;

  // Transactions: prefer storage::Transaction below. A write transaction takes the write lock
  // at once (SQLite: BEGIN IMMEDIATE), so two writers never deadlock on a lock upgrade.
  virtual void begin(bool write) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

  // A page's statements read in one transaction (prefer storage::HeldReads below): one snapshot for
  // the whole page, and, on SQLite, the WAL's read lock taken once instead of at every statement (a
  // quarter to a third of an ordinary page's CPU, bench/RESULTS.md). Anything that writes ends it first, so that a
  // write waits for the lock as it would without it: a write transaction, or a statement that writes. A read
  // transaction begun meanwhile joins it. Nothing to gain on PostgreSQL, where it does nothing.
  virtual void begin_reads() {}
  virtual void end_reads() {}

  virtual Engine engine() const = 0;

  // The mark of the database's last commit now, or nothing when the engine gives none (PostgreSQL),
  // or not now: inside a transaction, which reads the database as it was when it began, not now.
  virtual std::optional<CommitMark> commit_mark() { return std::nullopt; }

  // The values shared by every connection of the Database this one was leased from (storage/memo.hpp);
  // none for a connection opened on its own. `fragments`: the same for values of one thing among many
  // (storage::settings::fragment).
  Memos* memos = nullptr;
  Memos* fragments = nullptr;

  // The tables this connection's statements read and wrote since it was leased (storage/changes.hpp);
  // every table when it was opened on its own. Backends call note() before running a statement and
  // wrote() once it ran, with the rows it changed: a write that changed nothing (an UPDATE matching no
  // row, an INSERT … ON CONFLICT DO NOTHING that found its row) renders no cached page again. While a
  // storage::Rows lives, its table's reads and writes are of the rows it names.
  Changes* changes = nullptr;
  Reads reads;
  Writes writes;         // not yet stamped (storage::record_changes)
  bool changed = false;  // whether a statement changed rows since it was leased or reset, stamped or not
  // The data version a request read as it began (the page cache's check, or with the person's
  // session): the memos and the snapshot of stamps take it instead of reading it again, one query (a
  // round trip to PostgreSQL) each time. What the request reads afterwards is as new or newer, so
  // values checked against it are never older than what the person did before. Forgotten as soon as
  // the connection writes: what it wrote must be seen after.
  std::optional<std::int64_t> known_version;
  // Whether a write transaction stamps its changes as it commits (storage::stamp_before_commit); the
  // mail sender gathers its own and stamps them once a second.
  bool stamp_at_commit = true;
  Rows* rows = nullptr;  // the innermost storage::Rows alive on this connection
  StatementTables note(std::string_view sql);
  void wrote(const StatementTables& t, std::int64_t changed_rows);
  // Whether a storage::Rows still alive wrote rows it has not handed to `writes` yet (it does as it ends,
  // with the keys it was given meanwhile).
  bool rows_pending() const;

  // Convenience: the first row, or nothing.
  std::optional<Row> query_one(std::string_view sql, const Params& params = {});
  // Convenience: the single integer of a one-row, one-column query (e.g. COUNT(*)).
  std::int64_t query_integer(std::string_view sql, const Params& params = {});
};

// Runs a query that reads of keyed `table` (storage::Rows) only the rows whose keys it returns in
// `key_columns` (a null: none), as when it joins them from other tables' rows; or a write that
// changes only the rows whose keys it returns (RETURNING).
std::vector<Row> query_keyed(Connection& c, std::string_view table, std::initializer_list<std::size_t> key_columns,
                             std::string_view sql, const Params& params = {});

// Runs a query that reads of keyed `table` only what names its rows, which no change named by rows
// moves (storage/changes.hpp, kKeyedTables): it depends on the table's changes that name no rows
// alone. An event's page showing its coalitions' titles is then not rendered again when someone
// declares interest in one of them; one showing a coalition's activity must use query_keyed.
std::vector<Row> query_identity(Connection& c, std::string_view table, std::string_view sql, const Params& params = {});

// A pool of connections to one database. Thread-safe.
class Database {
 public:
  virtual ~Database() = default;

  // A connection for the current thread's exclusive use until the lease is destroyed.
  class Lease {
   public:
    Lease(Database* owner, std::unique_ptr<Connection> c) : owner_(owner), c_(std::move(c)) {
      if (owner_ && c_) {
        c_->memos = &owner_->memos_;
        c_->fragments = &owner_->fragments_;
        c_->changes = &owner_->changes_;
        c_->reads.reset();
        c_->writes.reset();
        c_->changed = false;
        c_->stamp_at_commit = true;
        c_->known_version.reset();
      }
    }
    Lease(Lease&&) noexcept = default;
    // Not defaulted: the connection held before the assignment goes back to its pool (a defaulted
    // assignment would destroy it and the pool would count it as leased forever).
    Lease& operator=(Lease&& other) noexcept {
      if (this != &other) {
        if (owner_ && c_) owner_->release(std::move(c_));
        owner_ = other.owner_;
        c_ = std::move(other.c_);
      }
      return *this;
    }
    ~Lease() {
      if (owner_ && c_) owner_->release(std::move(c_));
    }
    Connection& operator*() { return *c_; }
    Connection* operator->() { return c_.get(); }

   private:
    Database* owner_;
    std::unique_ptr<Connection> c_;
  };

  virtual Lease acquire() = 0;
  virtual Engine engine() const = 0;
  Changes& changes() { return changes_; }
  // A consistent copy of the whole database to `path`, safe while the server is running.
  virtual void backup(const std::string& path) = 0;
  // Replaces the whole content of the database with the backup at `path` (made by backup() on the
  // same engine), all or nothing. Stop the application nodes first: they keep settings in memory.
  virtual void restore(const std::string& path) = 0;

 protected:
  virtual void release(std::unique_ptr<Connection> c) = 0;

 private:
  Memos memos_;
  Memos fragments_;
  Changes changes_;
};

// The start of a statement on one line, for error messages (never with parameter values).
std::string sql_excerpt(std::string_view sql);

// Visits a Value with one lambda per alternative (used by the backends to bind parameters).
template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Opens the database named by a configuration value: a file path (SQLite) or a postgresql:// URL.
std::unique_ptr<Database> open(const std::string& location, int pool_size);

// Scope guard for one transaction: rolls back unless commit() was called.
class Transaction {
 public:
  Transaction(Connection& c, bool write) : c_(c), write_(write) { c_.begin(write); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        c_.rollback();
      } catch (...) {
        // Rolling back during unwinding must not throw; the connection is discarded on error.
      }
    }
  }
  // A write transaction's changes are stamped for the cached pages in it (storage/changes.hpp).
  void commit() {
    const bool stamped = write_ && stamp_before_commit(c_);
    c_.commit();
    done_ = true;
    if (stamped) c_.writes.reset();
  }

 private:
  Connection& c_;
  bool write_;
  bool done_ = false;
};

// Scope guard for a page's reads (Connection::begin_reads).
class HeldReads {
 public:
  explicit HeldReads(Connection& c) : c_(c) { c_.begin_reads(); }
  HeldReads(const HeldReads&) = delete;
  HeldReads& operator=(const HeldReads&) = delete;
  ~HeldReads() {
    try {
      c_.end_reads();
    } catch (...) {
      // A read transaction has nothing to lose; the pool rolls back a connection left in one.
    }
  }

 private:
  Connection& c_;
};

}  // namespace fabrique::storage
